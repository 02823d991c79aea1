/**
 * The explorer's regions as a short list of tokens, so a link stays readable and "all regencies
 * of Jawa Barat" stays that even when a region is added: `32.16` one region, `32.*` the
 * regencies/cities of province 32, `*` all provinces, `*.*` all regencies/cities.
 */
import { compareRegionCodes, type Region } from '$lib/regions/region';

export const ALL_PROVINCES = '*';
export const ALL_KABKOTA = '*.*';

const TOKEN = /^(\*|\*\.\*|\d{2}\.\*|\d{2}(\.\d{2})?)$/;

export function isRegionToken(text: string): boolean {
	return TOKEN.test(text);
}

export function kabkotaOf(provinceCode: string): string {
	return `${provinceCode}.*`;
}

/** The province code of a `PP.*` token, else null. */
export function provinceOfToken(token: string): string | null {
	return /^\d{2}\.\*$/.test(token) ? token.slice(0, 2) : null;
}

function covers(token: string, region: Region): boolean {
	if (token === ALL_PROVINCES) return region.level === 'provinsi';
	if (token === ALL_KABKOTA) return region.level === 'kabkota';
	const province = provinceOfToken(token);
	if (province !== null) return region.level === 'kabkota' && region.provinceCode === province;
	return region.code === token;
}

export interface ExpandedSet {
	/** The regions the tokens name, in code order, each once. */
	regions: Region[];
	/** Tokens that name no known region (codes not in the region list). */
	unknown: string[];
}

export function expandRegionSet(
	tokens: readonly string[],
	regions: readonly Region[]
): ExpandedSet {
	const chosen = regions.filter((r) => tokens.some((token) => covers(token, r)));
	const unknown = tokens.filter((token) => !regions.some((r) => covers(token, r)));
	return { regions: chosen.sort((a, b) => compareRegionCodes(a.code, b.code)), unknown };
}

/** Whether a group token already includes a region token (so adding it would change nothing). */
function swallowedBy(group: string, token: string): boolean {
	if (group === token) return true;
	if (group === ALL_PROVINCES) return /^\d{2}$/.test(token);
	if (group === ALL_KABKOTA) return /^\d{2}\.(\d{2}|\*)$/.test(token);
	const province = provinceOfToken(group);
	return province !== null && new RegExp(`^${province}\\.\\d{2}$`).test(token);
}

/** Adds tokens; a group drops the single regions (and smaller groups) it now includes. */
export function addTokens(tokens: readonly string[], added: readonly string[]): string[] {
	let result = [...tokens];
	for (const token of added) {
		if (!isRegionToken(token) || result.some((t) => swallowedBy(t, token))) continue;
		result = [...result.filter((t) => !swallowedBy(token, t)), token];
	}
	return result;
}

export function removeToken(tokens: readonly string[], token: string): string[] {
	return tokens.filter((t) => t !== token);
}

/** The province whose regencies/cities the tokens are, exactly (the drill-down level), else null. */
export function drilledProvince(tokens: readonly string[]): string | null {
	return tokens.length === 1 ? provinceOfToken(tokens[0]!) : null;
}

/**
 * The focus region's peers: the regions of its level (regencies/cities of its own province) closest
 * to it in population, the focus first. Nearness is on a log scale, so 1 million is as near to
 * 2 million as 2 million is to 4 million.
 */
export function peerGroup(regions: readonly Region[], focus: Region, size = 10): string[] {
	const candidates = regions.filter(
		(r) =>
			r.code !== focus.code &&
			r.level === focus.level &&
			(focus.level === 'provinsi' || r.provinceCode === focus.provinceCode)
	);
	const distance = (r: Region) =>
		Math.abs(Math.log(Math.max(r.population2025, 1)) - Math.log(Math.max(focus.population2025, 1)));
	const nearest = candidates
		.sort((a, b) => distance(a) - distance(b) || compareRegionCodes(a.code, b.code))
		.slice(0, size - 1);
	return [focus.code, ...nearest.map((r) => r.code)];
}
