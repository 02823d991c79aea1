/**
 * Header → schema column. Indonesian names and English synonyms are both accepted; case, spaces,
 * dashes and a trailing unit such as "(Rp)" are ignored.
 */
import type { DatasetDefinition } from '$lib/catalogue/datasets';

export const KEY_COLUMNS = {
	kode_wilayah: ['region_code', 'kode', 'kode_daerah', 'region', 'wilayah', 'kode_kemendagri'],
	tahun: ['year', 'periode'],
	status_data: ['status', 'data_status'],
	sumber: ['source', 'sumber_data'],
	id_koperasi: ['cooperative_id', 'nik', 'nomor_induk_koperasi'],
	nama_koperasi: ['cooperative_name']
} as const;

/** Columns that describe a row for people but are not stored (the code is the key). */
export const IGNORED_COLUMNS = [
	'nama_wilayah',
	'region_name',
	'tingkat',
	'level',
	'kode_bps',
	'keterangan',
	'catatan',
	'notes'
];

export function normaliseHeader(label: string): string {
	return label
		.toLowerCase()
		.replace(/\(.*?\)/g, '')
		.trim()
		.replace(/[\s\-./]+/g, '_')
		.replace(/^_+|_+$/g, '');
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

export interface ColumnMapping {
	/** Schema column id for each header position; null for a column that is ignored. */
	targets: (string | null)[];
	unknown: { index: number; label: string }[];
	duplicates: { index: number; label: string; target: string }[];
}

export function mapColumns(header: readonly string[], dataset: DatasetDefinition): ColumnMapping {
	const synonyms = columnSynonyms(dataset);
	const ignored = new Set(IGNORED_COLUMNS);
	const targets: (string | null)[] = [];
	const unknown: ColumnMapping['unknown'] = [];
	const duplicates: ColumnMapping['duplicates'] = [];
	const seen = new Set<string>();
	header.forEach((label, index) => {
		const key = normaliseHeader(label);
		const target = synonyms.get(key);
		if (!target) {
			if (!ignored.has(key)) unknown.push({ index, label });
			targets.push(null);
		} else if (seen.has(target)) {
			duplicates.push({ index, label, target });
			targets.push(null);
		} else {
			seen.add(target);
			targets.push(target);
		}
	});
	return { targets, unknown, duplicates };
}
