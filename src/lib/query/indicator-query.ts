/**
 * What `/api/query` and the pages ask for, as URL parameters and back. One parser serves the API
 * and the links the pages build, so a copied link and a script ask exactly the same question.
 */
import {
	findIndicator,
	NORMALISATIONS,
	type Indicator,
	type Normalisation
} from '$lib/catalogue/indicators';
import { KEMENDAGRI_CODE } from '$lib/regions/region';

export const FORMATS = ['json', 'arrow', 'csv'] as const;
export type QueryFormat = (typeof FORMATS)[number];

export const YEAR_BOUNDS = { min: 2000, max: 2100 } as const;
export const MAX_REGIONS = 600;

export interface IndicatorQuery {
	indicator: Indicator;
	regions: string[];
	from: number;
	to: number;
	per: Normalisation;
}

export type ParsedQuery =
	{ ok: true; query: IndicatorQuery; format: QueryFormat } | { ok: false; error: string };

const KNOWN = new Set(['indicator', 'regions', 'from', 'to', 'per', 'format', 'lang']);

function year(text: string | null, name: string, fallback: number): number | string {
	if (text === null || text === '') return fallback;
	if (!/^\d{4}$/.test(text)) return `Parameter "${name}" must be a four-digit year, got "${text}"`;
	const value = Number(text);
	if (value < YEAR_BOUNDS.min || value > YEAR_BOUNDS.max)
		return `Parameter "${name}" must be between ${YEAR_BOUNDS.min} and ${YEAR_BOUNDS.max}`;
	return value;
}

/**
 * The `regions`, `from` and `to` parameters every data endpoint shares: region codes checked for
 * shape (existence is the caller's job, it knows the region list), years within bounds.
 */
export function parseRegionsAndYears(
	params: URLSearchParams,
	defaults: { from: number; to: number }
): { ok: true; regions: string[]; from: number; to: number } | { ok: false; error: string } {
	const regionsText = params.get('regions');
	if (!regionsText) return { ok: false, error: 'Parameter "regions" is required (e.g. 32.16,19)' };
	const regions = [...new Set(regionsText.split(',').map((r) => r.trim()))];
	const malformed = regions.find((r) => !KEMENDAGRI_CODE.test(r));
	if (malformed !== undefined)
		return {
			ok: false,
			error: `Unknown region "${malformed}": use Kemendagri codes such as 32.16`
		};
	if (regions.length > MAX_REGIONS)
		return { ok: false, error: `Too many regions (${regions.length}); at most ${MAX_REGIONS}` };

	const from = year(params.get('from'), 'from', defaults.from);
	if (typeof from === 'string') return { ok: false, error: from };
	const to = year(params.get('to'), 'to', defaults.to);
	if (typeof to === 'string') return { ok: false, error: to };
	if (from > to) return { ok: false, error: `"from" (${from}) is after "to" (${to})` };
	return { ok: true, regions, from, to };
}

/**
 * An unknown or repeated parameter, named; null when each is known and given once. A repeat is
 * refused rather than reduced to its first value: `regions=19&regions=32.16` asks for two regions
 * and would silently get one.
 */
export function parameterProblem(
	params: URLSearchParams,
	known: ReadonlySet<string>
): string | null {
	const seen = new Set<string>();
	for (const name of params.keys()) {
		if (!known.has(name)) return `Unknown parameter "${name}"`;
		if (seen.has(name)) return `Parameter "${name}" is given more than once`;
		seen.add(name);
	}
	return null;
}

/**
 * Checks every parameter; region codes are checked for shape here and for existence by the
 * caller, which knows the region list.
 */
export function parseIndicatorQuery(
	params: URLSearchParams,
	defaults: { from: number; to: number }
): ParsedQuery {
	const wrong = parameterProblem(params, KNOWN);
	if (wrong) return { ok: false, error: wrong };
	const indicatorId = params.get('indicator');
	if (!indicatorId) return { ok: false, error: 'Parameter "indicator" is required' };
	const indicator = findIndicator(indicatorId);
	if (!indicator) return { ok: false, error: `Unknown indicator "${indicatorId}"` };

	const place = parseRegionsAndYears(params, defaults);
	if (!place.ok) return place;
	const { regions, from, to } = place;

	const perText = params.get('per') ?? 'total';
	if (!(NORMALISATIONS as readonly string[]).includes(perText))
		return {
			ok: false,
			error: `Unknown normalisation "${perText}": use ${NORMALISATIONS.join(', ')}`
		};
	const per = perText as Normalisation;
	if (!indicator.normalisations.includes(per))
		return {
			ok: false,
			error: `Normalisation "${per}" does not apply to "${indicator.id}": use ${indicator.normalisations.join(', ')}`
		};

	const formatText = params.get('format') ?? 'json';
	if (!(FORMATS as readonly string[]).includes(formatText))
		return { ok: false, error: `Unknown format "${formatText}": use ${FORMATS.join(', ')}` };

	return {
		ok: true,
		query: { indicator, regions, from, to, per },
		format: formatText as QueryFormat
	};
}

export function indicatorQueryParams(
	query: {
		indicator: string;
		regions: readonly string[];
		from: number;
		to: number;
		per: Normalisation;
	},
	format: QueryFormat
): URLSearchParams {
	return new URLSearchParams({
		indicator: query.indicator,
		regions: query.regions.join(','),
		from: String(query.from),
		to: String(query.to),
		per: query.per,
		format
	});
}

/** The rows every format carries, in this column order. */
export interface QueryRow {
	region_code: string;
	region_name: string;
	region_level: string;
	year: number;
	value: number | null;
	status: 'resmi' | 'estimasi' | 'sintetis' | null;
	sources: string | null;
	population_year: number | null;
}

export const QUERY_COLUMNS = [
	'region_code',
	'region_name',
	'region_level',
	'year',
	'value',
	'status',
	'sources',
	'population_year'
] as const satisfies readonly (keyof QueryRow)[];
