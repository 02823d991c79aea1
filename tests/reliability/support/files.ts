/**
 * Upload files for the harnesses: cooperatives of kabupaten/kota outside Jawa Barat and Bangka
 * Belitung (which the bundled data leaves empty), with a content digest that the database side
 * recomputes in SQL (see inspect.ts), so "wholly present" is checked value by value.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server';

export const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

export const HEADER = [
	'kode_wilayah',
	'tahun',
	'jenis_koperasi',
	'id_koperasi',
	'nama_koperasi',
	'jumlah_koperasi',
	'koperasi_aktif',
	'koperasi_rat',
	'jumlah_anggota',
	'jumlah_manajer',
	'jumlah_karyawan',
	'status_data',
	'sumber'
] as const;

export type Row = string[];

/** The first `count` kabupaten/kota codes without bundled figures. */
export function emptyRegions(count: number): string[] {
	const lines = fs.readFileSync(path.join(ROOT, 'datasets', 'wilayah.csv'), 'utf8').split('\n');
	const codes = lines
		.slice(1)
		.map((line) => line.split(','))
		.filter((cells) => cells[4] === 'kabkota' && !['32', '19'].includes(cells[6]!))
		.map((cells) => cells[0]!);
	if (codes.length < count) throw new Error(`Only ${codes.length} empty regions`);
	return codes.slice(0, count);
}

export interface UploadFile {
	tag: string;
	csv: string;
	rows: number;
	digest: string;
}

/** Rows sorted as the SQL digest sorts them: region, year, cooperative id. */
export function digestRows(rows: readonly Row[]): string {
	const sorted = [...rows].sort(
		(a, b) => cmp(a[0]!, b[0]!) || cmp(a[1]!, b[1]!) || cmp(a[3]!, b[3]!)
	);
	return createHash('md5')
		.update(sorted.map((r) => r.join('|')).join('\n'))
		.digest('hex');
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** One file per `k`: same regions, years and cooperatives, figures that differ with `k`. */
export function cooperativeFile(options: {
	regions: readonly string[];
	perRegionYear: number;
	k: number;
	tag?: string;
}): UploadFile {
	const tag = options.tag ?? `uji-${options.k}`;
	const rows: Row[] = [];
	for (const region of options.regions)
		for (const year of YEARS)
			for (let j = 1; j <= options.perRegionYear; j++) {
				const seed = options.k * 7919 + j * 104729 + year * 31;
				rows.push([
					region,
					String(year),
					'simpan_pinjam',
					`K-${region}-${String(j).padStart(4, '0')}`,
					`Koperasi Uji ${j}`,
					'1',
					'1',
					String(seed % 2),
					String(20 + (seed % 977)),
					String(1 + (seed % 3)),
					String(seed % 11),
					'estimasi',
					tag
				]);
			}
	const csv = [HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
	return { tag, csv, rows: rows.length, digest: digestRows(rows) };
}

/** Multipart upload to POST /api/datasets with an API token. */
export async function upload(
	url: string,
	token: string,
	file: { csv: string | Uint8Array; name?: string },
	fields: Record<string, string> = {},
	signal?: AbortSignal
): Promise<Response> {
	const form = new FormData();
	form.set(
		'file',
		new Blob([typeof file.csv === 'string' ? file.csv : new Uint8Array(file.csv)]),
		file.name ?? 'unggahan.csv'
	);
	form.set('kind', 'koperasi');
	form.set('mode', 'replace');
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return fetch(`${url}/api/datasets?lang=en`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}` },
		body: form,
		signal
	});
}

export function revert(url: string, token: string, id: number, signal?: AbortSignal) {
	return fetch(`${url}/api/datasets/${id}/revert?lang=en`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}` },
		signal
	});
}
