/**
 * Header → schema column. Indonesian names and English synonyms are both accepted; case, spaces,
 * dashes and a trailing unit such as "(Rp)" are ignored. The analyst's own mapping (the page's
 * column table, the API's `columns` field) overrides what the header says, column by column.
 */
import type { DatasetDefinition } from '$lib/catalogue/datasets';

export const KEY_COLUMNS = {
	kode_wilayah: [
		'region_code',
		'kode',
		'kode_daerah',
		'region',
		'wilayah',
		'kode_kemendagri',
		// Open Data Jabar's exports: the 4-digit BPS code.
		'kode_kabupaten_kota',
		'kode_kab_kota'
	],
	tahun: ['year', 'periode', 'periode_update', 'period', 'triwulan', 'bulan', 'tanggal'],
	status_data: ['status', 'data_status'],
	sumber: ['source', 'sumber_data'],
	id_koperasi: ['cooperative_id', 'nik', 'nomor_induk_koperasi'],
	nama_koperasi: ['cooperative_name']
} as const;

/**
 * Columns that name the region instead of coding it. They stand for kode_wilayah when the file
 * has no code column (a full official name resolves; a short one is refused with the candidates),
 * and are not stored when it has one.
 */
export const REGION_NAME_COLUMNS = [
	'nama_wilayah',
	'region_name',
	'nama_kabupaten_kota',
	'nama_kab_kota',
	'kabupaten_kota',
	'kab_kota',
	'kabkota',
	'nama_daerah',
	'district'
];

/** Columns that describe a row for people but are not stored (the code is the key). */
export const IGNORED_COLUMNS = [
	'tingkat',
	'level',
	'kode_bps',
	'keterangan',
	'catatan',
	'notes',
	'id',
	'no',
	'satuan',
	'kode_provinsi',
	'nama_provinsi',
	'provinsi',
	'province',
	'province_id',
	'district_id'
];

export function normaliseHeader(label: string): string {
	return label
		.toLowerCase()
		.replace(/\(.*?\)/g, '')
		.trim()
		.replace(/[\s\-./]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** Every column a dataset stores, in the order the templates use. */
export function datasetColumns(dataset: DatasetDefinition): string[] {
	const keys = Object.keys(KEY_COLUMNS).filter(
		(k) => dataset.perCooperative || (k !== 'id_koperasi' && k !== 'nama_koperasi')
	);
	return [
		...keys,
		...(dataset.dimension ? [dataset.dimension.id] : []),
		...dataset.facts.map((f) => f.id)
	];
}

/** All accepted header spellings of a dataset, normalised, to the column id they stand for. */
export function columnSynonyms(dataset: DatasetDefinition): Map<string, string> {
	const map = new Map<string, string>();
	const add = (id: string, aliases: readonly string[]) => {
		map.set(normaliseHeader(id), id);
		for (const alias of aliases) map.set(normaliseHeader(alias), id);
	};
	for (const [id, aliases] of Object.entries(KEY_COLUMNS)) {
		if ((id === 'id_koperasi' || id === 'nama_koperasi') && !dataset.perCooperative) continue;
		add(id, aliases);
	}
	if (dataset.dimension) add(dataset.dimension.id, dataset.dimension.aliases);
	for (const fact of dataset.facts) add(fact.id, fact.aliases);
	return map;
}

/** The analyst's mapping: a header as the file spells it → a dataset column, or null (not stored). */
export type ColumnChoices = Record<string, string | null>;

export interface ColumnMapping {
	/** Schema column id for each header position; null for a column that is not stored. */
	targets: (string | null)[];
	/** Headers nothing maps: neither the analyst, nor a known spelling, nor an ignored one. */
	unknown: { index: number; label: string }[];
	duplicates: { index: number; label: string; target: string }[];
	/** The analyst's choices that cannot apply: a header not in the file, a column not stored. */
	invalidChoices: { header: string; target: string | null; reason: 'no-header' | 'no-target' }[];
}

export function mapColumns(
	header: readonly string[],
	dataset: DatasetDefinition,
	choices: ColumnChoices = {}
): ColumnMapping {
	const synonyms = columnSynonyms(dataset);
	const stored = new Set(datasetColumns(dataset));
	const ignored = new Set(IGNORED_COLUMNS);
	const regionNames = new Set(REGION_NAME_COLUMNS);
	const invalidChoices: ColumnMapping['invalidChoices'] = [];
	const labels = new Set(header.map((h) => h.trim()));
	for (const [label, target] of Object.entries(choices)) {
		if (!labels.has(label.trim()))
			invalidChoices.push({ header: label, target, reason: 'no-header' });
		else if (target !== null && !stored.has(target))
			invalidChoices.push({ header: label, target, reason: 'no-target' });
	}
	const chosen = new Map(Object.entries(choices).map(([label, t]) => [label.trim(), t]));

	const proposed = header.map((label) => {
		const own = chosen.get(label.trim());
		if (own !== undefined) return { target: own && stored.has(own) ? own : null, chosen: true };
		const key = normaliseHeader(label);
		return { target: synonyms.get(key) ?? null, chosen: false, key };
	});
	const hasRegion = proposed.some((p) => p.target === 'kode_wilayah');
	let nameTaken = hasRegion;
	const targets: (string | null)[] = [];
	const unknown: ColumnMapping['unknown'] = [];
	const duplicates: ColumnMapping['duplicates'] = [];
	const seen = new Set<string>();
	proposed.forEach((p, index) => {
		const label = header[index] ?? '';
		let target = p.target;
		if (!p.chosen && target === null && p.key !== undefined) {
			if (regionNames.has(p.key)) {
				// The first name column keys the rows when no code does; the others are not stored.
				if (!nameTaken) target = 'kode_wilayah';
				nameTaken = true;
			} else if (!ignored.has(p.key)) unknown.push({ index, label });
		}
		if (target !== null && seen.has(target)) {
			duplicates.push({ index, label, target });
			target = null;
		} else if (target !== null) seen.add(target);
		targets.push(target);
	});
	return { targets, unknown, duplicates, invalidChoices };
}
