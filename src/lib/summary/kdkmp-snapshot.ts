/**
 * The Koperasi Merah Putih figures of one region for the summary: the SIMKOPDES snapshot is a
 * year of its own (2026), so the panel shows the latest year with a count, whatever year the
 * headline cards show.
 */
import { STATUS_RANK, type DataStatus } from '$lib/catalogue/datasets';
import type { QueryRow } from '$lib/query/indicator-query';

/** The questions the panel asks, by indicator id. */
export const KDKMP_PANEL_INDICATORS = [
	'kdkmp_koperasi',
	'desa_kelurahan',
	'kdkmp_cakupan_desa',
	'kdkmp_persen_nib'
] as const;

export type KdkmpRows = Record<(typeof KDKMP_PANEL_INDICATORS)[number], readonly QueryRow[]>;

export interface KdkmpSnapshot {
	year: number;
	cooperatives: number;
	villages: number | null;
	coverage: number | null;
	nib: number | null;
	/** The weakest status of the figures shown. */
	status: DataStatus;
}

export function kdkmpSnapshot(rows: KdkmpRows, code: string): KdkmpSnapshot | null {
	const counts = rows.kdkmp_koperasi.filter((r) => r.region_code === code && r.value !== null);
	if (counts.length === 0) return null;
	const latest = counts.reduce((a, b) => (b.year > a.year ? b : a));
	const at = (id: keyof KdkmpRows) =>
		rows[id].find((r) => r.region_code === code && r.year === latest.year && r.value !== null);
	const shown = [latest, at('desa_kelurahan'), at('kdkmp_cakupan_desa'), at('kdkmp_persen_nib')];
	let status: DataStatus = 'resmi';
	for (const row of shown)
		if (row?.status && STATUS_RANK[row.status] > STATUS_RANK[status]) status = row.status;
	return {
		year: latest.year,
		cooperatives: latest.value!,
		villages: at('desa_kelurahan')?.value ?? null,
		coverage: at('kdkmp_cakupan_desa')?.value ?? null,
		nib: at('kdkmp_persen_nib')?.value ?? null,
		status
	};
}
