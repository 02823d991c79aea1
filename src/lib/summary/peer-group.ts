/**
 * The group the focus region is ranked in. It always contains the focus region, so "5th of 27"
 * counts the focus among the 27 regencies and cities of its province.
 */
import type { PeerKind } from '$lib/components/dashboard-view';
import { compareRegionCodes, type Region, type RegionLevel } from '$lib/regions/region';

export type PeerScope =
	| { kind: 'province'; province: Region }
	| { kind: 'nation'; level: RegionLevel }
	| { kind: 'custom' };

export interface PeerGroup {
	/** What the URL asked for. */
	asked: PeerKind;
	scope: PeerScope;
	/** Members in code order, the focus region included. */
	regions: Region[];
	/** The province-level group was asked for a province: it has no regencies among its peers. */
	fellBack: boolean;
}

export type PeerGroupResult = { ok: true; group: PeerGroup } | { ok: false; unknown: string };

/** Builds the group from the region list; a hand-picked code that is not a region is refused. */
export function peerGroup(
	asked: PeerKind,
	focus: Region,
	regions: readonly Region[],
	picked: readonly string[] = []
): PeerGroupResult {
	const byCode = new Map(regions.map((r) => [r.code, r]));
	const nation = (fellBack: boolean): PeerGroupResult => ({
		ok: true,
		group: {
			asked,
			scope: { kind: 'nation', level: focus.level },
			regions: regions.filter((r) => r.level === focus.level),
			fellBack
		}
	});

	if (asked === 'provinsi') {
		const province = byCode.get(focus.provinceCode);
		if (focus.level === 'provinsi' || !province) return nation(true);
		return {
			ok: true,
			group: {
				asked,
				scope: { kind: 'province', province },
				regions: regions.filter((r) => r.level === 'kabkota' && r.provinceCode === province.code),
				fellBack: false
			}
		};
	}
	if (asked === 'nasional') return nation(false);

	const unknown = picked.find((code) => !byCode.has(code));
	if (unknown !== undefined) return { ok: false, unknown };
	const codes = new Set([focus.code, ...picked]);
	return {
		ok: true,
		group: {
			asked,
			scope: { kind: 'custom' },
			regions: [...codes]
				.map((code) => byCode.get(code)!)
				.sort((a, b) => compareRegionCodes(a.code, b.code)),
			fellBack: false
		}
	};
}
