/**
 * The page's calls to the dataset API, and every answer turned into one tagged result. Messages
 * come from the server in the page's language (`?lang=`); a body that is not our JSON (a proxy's
 * 413, a crash) falls back to a message chosen by status.
 */
import type { DataStatus, DatasetKind } from '$lib/catalogue/datasets';
import type { ColumnChoices } from '$lib/csv/map-columns';
import type { NumberConvention } from '$lib/csv/parse-number';
import type { Locale } from '$lib/i18n';
import type { ShownGroup, ShownProblem } from './problems-csv';

export type UploadMode = 'append' | 'replace';

/* The wire types of /api/datasets, shared with the server that writes them. */

export interface RegionYearChange {
	region_code: string;
	year: number;
	added: number;
	replaced: number;
}

/**
 * What an upload does to one fact, counted in values (one per region, year, breakdown and
 * cooperative). A fact the file carries (`in_file`) has its values at the file's region–years
 * added, changed, cleared (stored, but not in the file) or left unchanged; a fact the file does
 * not carry keeps its `kept` values there as they were.
 */
export interface FactChange {
	fact: string;
	in_file: boolean;
	added: number;
	changed: number;
	cleared: number;
	unchanged: number;
	kept: number;
}

export interface Changes {
	/** Rows read from the file. */
	added: number;
	/** Stored rows that stepped aside (their facts the file does not carry are written again). */
	replaced: number;
	by_region_year: RegionYearChange[];
	/** Per fact of the dataset with a value at the file's region–years; missing in old versions. */
	by_fact?: FactChange[];
}

/** One entry of the upload history, as stored. */
export interface StoredVersion {
	id: number;
	kind: DatasetKind;
	mode: string;
	/** Null for readers who are not analysts or admins (with `sha256`, `by` and `source`). */
	file_name: string | null;
	sha256: string | null;
	rows: number;
	by: string | null;
	at: string;
	source: string | null;
	reverted_at: string | null;
	changes: Changes | null;
}

/** An entry of the history as the API lists it: with what the asking user may do with it. */
export interface DatasetVersion extends StoredVersion {
	can_revert: boolean;
	revert_blocked_reason: string | null;
}

export type UploadResult =
	| { kind: 'planned'; changes: Changes; rows: number }
	| { kind: 'stored'; version: DatasetVersion; changes: Changes; rows: number }
	| {
			kind: 'problems';
			message: string;
			problemCount: number;
			problems: ShownProblem[];
			groups: ShownGroup[];
	  }
	| { kind: 'refused'; status: number; message: string };

export interface UploadRequest {
	file: File;
	kind: DatasetKind;
	mode: UploadMode;
	source: string;
	status?: DataStatus | '';
	year?: string;
	periods?: 'kind' | 'last';
	/** Every header → dataset column or null: the mapping the page showed. */
	columns?: ColumnChoices;
	conventions: Record<string, NumberConvention>;
	dryRun: boolean;
	locale: Locale;
}

const FALLBACK: Record<Locale, (status: number) => string> = {
	id: (status) =>
		status === 0
			? 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.'
			: status === 413
				? 'Berkas terlalu besar untuk server.'
				: `Server menjawab dengan kesalahan ${status}. Coba lagi nanti.`,
	en: (status) =>
		status === 0
			? 'The server cannot be reached. Check the connection and try again.'
			: status === 413
				? 'The file is too large for the server.'
				: `The server answered with error ${status}. Please try again later.`
};

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
	try {
		const body: unknown = await response.json();
		return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

function messageOf(body: Record<string, unknown> | null, status: number, locale: Locale): string {
	const own = locale === 'en' ? (body?.message_en ?? body?.message) : body?.message;
	return typeof own === 'string' && own !== '' ? own : FALLBACK[locale](status);
}

function withLang(path: string, locale: Locale): string {
	return `${path}?lang=${locale}`;
}

export async function postUpload(
	fetcher: typeof fetch,
	request: UploadRequest
): Promise<UploadResult> {
	const form = new FormData();
	form.set('file', request.file, request.file.name);
	form.set('kind', request.kind);
	form.set('mode', request.mode);
	if (request.source.trim() !== '') form.set('source', request.source.trim());
	if (request.status) form.set('status', request.status);
	if (request.year) form.set('year', request.year);
	if (request.periods && request.periods !== 'kind') form.set('periods', request.periods);
	if (request.columns && Object.keys(request.columns).length > 0)
		form.set('columns', JSON.stringify(request.columns));
	if (Object.keys(request.conventions).length > 0)
		form.set('conventions', JSON.stringify(request.conventions));
	if (request.dryRun) form.set('dry_run', '1');
	let response: Response;
	try {
		response = await fetcher(withLang('/api/datasets', request.locale), {
			method: 'POST',
			body: form
		});
	} catch {
		return { kind: 'refused', status: 0, message: FALLBACK[request.locale](0) };
	}
	const body = await readJson(response);
	if (response.status === 200 && body?.dry_run === true)
		return { kind: 'planned', changes: body.changes as Changes, rows: Number(body.rows) };
	if (response.status === 201 && body)
		return {
			kind: 'stored',
			version: body.version as DatasetVersion,
			changes: body.changes as Changes,
			rows: Number(body.rows)
		};
	if (response.status === 422 && body && Array.isArray(body.problems))
		return {
			kind: 'problems',
			message: messageOf(body, 422, request.locale),
			problemCount: Number(body.problem_count ?? body.problems.length),
			problems: body.problems as ShownProblem[],
			groups: Array.isArray(body.groups) ? (body.groups as ShownGroup[]) : []
		};
	return {
		kind: 'refused',
		status: response.status,
		message: messageOf(body, response.status, request.locale)
	};
}

/** What the history page's load depends on; invalidated after an undo. */
export const VERSIONS_DEPENDENCY = 'app:dataset-versions';

export async function fetchVersions(
	fetcher: typeof fetch,
	locale: Locale
): Promise<DatasetVersion[]> {
	const response = await fetcher(withLang('/api/datasets', locale));
	if (!response.ok) throw new Error(messageOf(await readJson(response), response.status, locale));
	const body = await readJson(response);
	if (!Array.isArray(body?.versions)) throw new Error(FALLBACK[locale](response.status));
	return body.versions as DatasetVersion[];
}

export type RevertResult =
	| { kind: 'reverted'; version: DatasetVersion }
	| { kind: 'refused'; status: number; message: string };

export async function revertVersion(
	fetcher: typeof fetch,
	id: number,
	locale: Locale
): Promise<RevertResult> {
	let response: Response;
	try {
		response = await fetcher(withLang(`/api/datasets/${id}/revert`, locale), { method: 'POST' });
	} catch {
		return { kind: 'refused', status: 0, message: FALLBACK[locale](0) };
	}
	const body = await readJson(response);
	if (response.ok && body?.version)
		return { kind: 'reverted', version: body.version as DatasetVersion };
	return {
		kind: 'refused',
		status: response.status,
		message: messageOf(body, response.status, locale)
	};
}
