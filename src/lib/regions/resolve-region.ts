/**
 * Turns what a spreadsheet calls a region into a Kemendagri code. Codes are exact; names must be
 * the official full name. A short name such as "Bekasi" names two places (Kabupaten 32.16 and
 * Kota 32.75) and is refused with the candidates, never resolved to one of them.
 */
import { BPS_KABKOTA_CODE, KEMENDAGRI_CODE, type Region } from './region';

export type RegionMatch =
	| { kind: 'found'; region: Region; via: 'kemendagri' | 'bps' | 'name' }
	| { kind: 'ambiguous'; candidates: Region[] }
	| { kind: 'unknown'; suggestions: Region[] };

/**
 * A name as a key: letter case, spacing and punctuation ignored, the usual abbreviations written
 * out (`KAB.`, `KAB`, `KOTA ADM.`, `KEP.`, `OKU`), and `dan` dropped, so that `KAB. ADM. KEP.
 * SERIBU` is Kabupaten Administrasi Kepulauan Seribu and `KAB. GUNUNG KIDUL` is Gunungkidul.
 * Only whole names meet this way: a short name never becomes a full one.
 */
function normaliseName(text: string): string {
	return ` ${text.toLocaleLowerCase('id-ID')} `
		.replace(/[\s\u00a0.,()/-]+/g, '  ')
		.replace(/^\s*(kab|kabupaten)\s/, ' kabupaten ')
		.replace(/^\s*prov(insi)?\s/, ' ')
		.replace(/\s(adm|administrasi)\s/g, ' administrasi ')
		.replace(/\skep\s/g, ' kepulauan ')
		.replace(/\soku\s/g, ' ogan komering ulu ')
		.replace(/\sdan\s/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

export type RegionResolver = (input: string) => RegionMatch;

export function createRegionResolver(regions: readonly Region[]): RegionResolver {
	const byCode = new Map<string, Region>();
	const byBps = new Map<string, Region>();
	const byName = new Map<string, Region[]>();
	const byShortName = new Map<string, Region[]>();
	const push = (map: Map<string, Region[]>, key: string, region: Region) => {
		const list = map.get(key);
		if (list) list.push(region);
		else map.set(key, [region]);
	};
	for (const region of regions) {
		byCode.set(region.code, region);
		if (region.level === 'kabkota' && region.bpsCode) byBps.set(region.bpsCode, region);
		push(byName, normaliseName(region.name), region);
		push(byShortName, normaliseName(region.shortName), region);
	}

	return (input) => {
		const text = input.trim();
		if (KEMENDAGRI_CODE.test(text)) {
			const region = byCode.get(text);
			return region
				? { kind: 'found', region, via: 'kemendagri' }
				: { kind: 'unknown', suggestions: [] };
		}
		if (BPS_KABKOTA_CODE.test(text)) {
			const region = byBps.get(text);
			return region ? { kind: 'found', region, via: 'bps' } : { kind: 'unknown', suggestions: [] };
		}
		const key = normaliseName(text);
		const exact = byName.get(key) ?? [];
		const short = (byShortName.get(key) ?? []).filter((r) => !exact.includes(r));
		const candidates = [...exact, ...short];
		if (candidates.length > 1) return { kind: 'ambiguous', candidates };
		const [only] = exact;
		if (only) return { kind: 'found', region: only, via: 'name' };
		return { kind: 'unknown', suggestions: short };
	};
}
