/** Regions as the database holds them; read once per process, they never change at run time. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { compareRegionCodes, type Region, type RegionLevel } from '$lib/regions/region';

export async function readRegions(connection: DuckDBConnection): Promise<Region[]> {
	const reader = await connection.runAndReadAll(
		`SELECT kode_wilayah, kode_bps, nama_wilayah, nama_pendek, tingkat, kode_provinsi,
            nama_provinsi, penduduk_2025::DOUBLE, luas_km2 FROM wilayah`
	);
	return reader
		.getRows()
		.map((row) => ({
			code: String(row[0]),
			bpsCode: row[1] === null ? null : String(row[1]),
			name: String(row[2]),
			shortName: String(row[3]),
			level: String(row[4]) as RegionLevel,
			provinceCode: String(row[5]),
			provinceName: String(row[6]),
			population2025: Number(row[7]),
			areaKm2: row[8] === null ? null : Number(row[8])
		}))
		.sort((a, b) => compareRegionCodes(a.code, b.code));
}
