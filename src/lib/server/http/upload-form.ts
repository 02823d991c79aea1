/**
 * Reads and checks the multipart form of an upload. The declared size is checked before the body
 * is read, so an oversized file is refused without being held in memory.
 */
import { DATA_STATUSES, type DataStatus } from '$lib/catalogue/datasets';
import type { ColumnChoices } from '$lib/csv/map-columns';
import type { NumberConvention } from '$lib/csv/parse-number';
import { PERIOD_RULES, type PeriodRule } from '$lib/csv/years-from-periods';

export interface UploadFields {
	kind: string;
	mode: 'append' | 'replace';
	/** The file's source: the version's note, and the source of rows that give none. */
	source: string | null;
	/** The status of rows that give none. */
	status: DataStatus | null;
	/** The year of rows that give none (a snapshot export has no year column). */
	year: number | null;
	columns: ColumnChoices;
	periods: PeriodRule;
	dryRun: boolean;
	conventions: Record<string, NumberConvention>;
}

type Message = { id: string; en: string };

export type UploadForm =
	{ ok: true; file: File; fields: UploadFields } | { ok: false; status: number; message: Message };

const MULTIPART_OVERHEAD = 64 * 1024;

function refuse(status: number, id: string, en: string): UploadForm {
	return { ok: false, status, message: { id, en } };
}

/** What an HTML checkbox, curl users and scripts send for yes and no. */
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on', 'y', 'ya']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', 'n', 'tidak', '']);

/** A yes/no field: absent is no; an unknown word is refused rather than read as no. */
export function readFlag(value: FormDataEntryValue | null): boolean | null {
	if (value === null) return false;
	if (typeof value !== 'string') return null;
	const word = value.trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return null;
}

/** `{"header":"column" | null}`, or null when the text is not such an object. */
function readColumns(text: string): ColumnChoices | null {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
	const choices: ColumnChoices = Object.create(null) as ColumnChoices;
	for (const [header, target] of Object.entries(parsed)) {
		if (target !== null && typeof target !== 'string') return null;
		choices[header] = target;
	}
	return choices;
}

function tooLarge(limit: number): UploadForm {
	const mb = Math.round(limit / 1024 / 1024);
	return refuse(
		413,
		`Berkas melebihi batas ${mb} MB. Pecah berkas per tahun atau per wilayah.`,
		`The file exceeds the ${mb} MB limit. Split it by year or region.`
	);
}

export async function readUploadForm(request: Request, limit: number): Promise<UploadForm> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit + MULTIPART_OVERHEAD) return tooLarge(limit);
	if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? ''))
		return refuse(
			415,
			'Kirim sebagai multipart/form-data dengan kolom "file".',
			'Send multipart/form-data with a "file" field.'
		);
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		// adapter-node cuts a body without Content-Length at BODY_SIZE_LIMIT with a 413 error.
		if ((error as { status?: unknown } | null)?.status === 413) return tooLarge(limit);
		return refuse(400, 'Formulir unggahan tidak dapat dibaca.', 'The upload form cannot be read.');
	}
	const file = form.get('file');
	if (!(file instanceof File))
		return refuse(400, 'Kolom "file" tidak ada.', 'The "file" field is missing.');
	if (file.size > limit) return tooLarge(limit);
	const mode = String(form.get('mode') ?? 'append');
	if (mode !== 'append' && mode !== 'replace')
		return refuse(
			400,
			`Mode "${mode}" tidak dikenal: pakai append atau replace.`,
			`Unknown mode "${mode}": use append or replace.`
		);
	const source = form.get('source');
	const sourceText = typeof source === 'string' && source.trim() !== '' ? source.trim() : null;
	if (sourceText && sourceText.length > 500)
		return refuse(
			400,
			'Catatan sumber terlalu panjang (maks. 500 karakter).',
			'The source note is too long (500 characters at most).'
		);
	let conventions: Record<string, NumberConvention> = {};
	const conventionsText = form.get('conventions');
	if (typeof conventionsText === 'string' && conventionsText !== '') {
		try {
			const parsed: unknown = JSON.parse(conventionsText);
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
			conventions = Object.fromEntries(
				Object.entries(parsed).filter(([, v]) => v === 'id' || v === 'en')
			) as Record<string, NumberConvention>;
		} catch {
			return refuse(
				400,
				'Kolom "conventions" harus JSON, mis. {"volume_usaha":"id"}.',
				'The "conventions" field must be JSON, e.g. {"volume_usaha":"id"}.'
			);
		}
	}
	const dryRun = readFlag(form.get('dry_run'));
	if (dryRun === null)
		return refuse(
			400,
			`Nilai "dry_run" tidak dikenal: pakai true/false (juga 1/0, yes/no, on/off).`,
			`Unknown "dry_run" value: use true/false (or 1/0, yes/no, on/off).`
		);
	const statusText = String(form.get('status') ?? '')
		.trim()
		.toLowerCase();
	if (statusText !== '' && !(DATA_STATUSES as readonly string[]).includes(statusText))
		return refuse(
			400,
			`Status "${statusText.slice(0, 40)}" tidak dikenal: pakai resmi, estimasi atau sintetis.`,
			`Unknown status "${statusText.slice(0, 40)}": use resmi, estimasi or sintetis.`
		);
	const yearText = String(form.get('year') ?? '').trim();
	if (yearText !== '' && !/^\d{4}$/.test(yearText))
		return refuse(
			400,
			'Kolom "year" harus tahun empat angka, mis. 2026.',
			'The "year" field must be a four-digit year, e.g. 2026.'
		);
	const periods = String(form.get('periods') ?? 'kind');
	if (!(PERIOD_RULES as readonly string[]).includes(periods))
		return refuse(
			400,
			`Nilai "periods" tidak dikenal: pakai kind (stok: periode terakhir, arus: dijumlahkan) atau last.`,
			`Unknown "periods" value: use kind (stocks: last period, flows: summed) or last.`
		);
	let columns: ColumnChoices = {};
	const columnsText = form.get('columns');
	if (typeof columnsText === 'string' && columnsText.trim() !== '') {
		const read = readColumns(columnsText);
		if (!read)
			return refuse(
				400,
				'Kolom "columns" harus objek JSON dari judul kolom ke kolom data (atau null), mis. {"Tahun":"tahun","Keterangan":null}.',
				'The "columns" field must be a JSON object from header to dataset column (or null), e.g. {"Tahun":"tahun","Notes":null}.'
			);
		columns = read;
	}
	return {
		ok: true,
		file,
		fields: {
			kind: String(form.get('kind') ?? ''),
			mode,
			source: sourceText,
			status: statusText === '' ? null : (statusText as DataStatus),
			year: yearText === '' ? null : Number(yearText),
			columns,
			periods: periods as PeriodRule,
			dryRun,
			conventions
		}
	};
}
