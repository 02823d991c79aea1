/**
 * First start: fill an empty database from the CSV files in `datasets/`, through the same
 * validation as uploads, in one transaction. A database that already has versions is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import { parseCsv } from '$lib/csv/parse-csv';
import { validateDataset } from '$lib/csv/validate-dataset';
import type { Region, RegionLevel } from '$lib/regions/region';
import { createRegionResolver } from '$lib/regions/resolve-region';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendRecords, insertVersion } from './write-records';

export const BUNDLED_FILES: Record<DatasetKind, string> = {
	penduduk: 'penduduk.csv',
	koperasi: 'koperasi.csv',
	pembiayaan: 'pembiayaan.csv',
	jangkauan_pasar: 'jangkauan_pasar.csv',
	kdkmp: 'kdkmp.csv'
};

export function readRegionsCsv(file: string): (Region & { jenis: string })[] {
	const csv = parseCsv(fs.readFileSync(file, 'utf8'));
	const col = (name: string) => {
		const i = csv.header.indexOf(name);
		if (i < 0) throw new Error(`${file}: column ${name} is missing`);
		return i;
	};
	const c = {
		code: col('kode_wilayah'),
		bps: col('kode_bps'),
		name: col('nama_wilayah'),
		short: col('nama_pendek'),
		level: col('tingkat'),
		jenis: col('jenis'),
		province: col('kode_provinsi'),
		provinceName: col('nama_provinsi'),
		population: col('penduduk_2025'),
		area: col('luas_km2')
	};
	if (csv.problems.length) throw new Error(`${file}: ${csv.problems[0]?.message.en}`);
	return csv.rows.map((row) => ({
		code: row[c.code]!,
		bpsCode: row[c.bps] || null,
		name: row[c.name]!,
		shortName: row[c.short]!,
		level: row[c.level] as RegionLevel,
		jenis: row[c.jenis]!,
		provinceCode: row[c.province]!,
		provinceName: row[c.provinceName]!,
		population2025: Number(row[c.population]),
		areaKm2: row[c.area] ? Number(row[c.area]) : null
	}));
}

async function isEmpty(connection: DuckDBConnection): Promise<boolean> {
	const reader = await connection.runAndReadAll(`SELECT count(*) FROM versi_data`);
	return Number(reader.getRows()[0]?.[0]) === 0;
}

export async function loadBundledIfEmpty(
	connection: DuckDBConnection,
	datasetsDir: string
): Promise<{ loaded: boolean; rows: number }> {
	if (!(await isEmpty(connection))) return { loaded: false, rows: 0 };
	const regions = readRegionsCsv(path.join(datasetsDir, 'wilayah.csv'));
	const resolveRegion = createRegionResolver(regions);
	const validated = (Object.keys(BUNDLED_FILES) as DatasetKind[]).map((kind) => {
		const file = path.join(datasetsDir, BUNDLED_FILES[kind]);
		const result = validateDataset(parseCsv(fs.readFileSync(file, 'utf8')), {
			dataset: DATASETS[kind],
			resolveRegion
		});
		if (result.problemCount > 0) {
			const first = result.problems
				.slice(0, 5)
				.map((p) => `line ${p.line}, ${p.column}: ${p.message.en}`)
				.join('\n  ');
			throw new Error(`${file} has ${result.problemCount} problem(s):\n  ${first}`);
		}
		return { kind, file, records: result.records };
	});

	let rows = 0;
	await connection.run('BEGIN TRANSACTION');
	try {
		const appender = await connection.createAppender('wilayah');
		for (const r of regions) {
			appender.appendVarchar(r.code);
			if (r.bpsCode === null) appender.appendNull();
			else appender.appendVarchar(r.bpsCode);
			appender.appendVarchar(r.name);
			appender.appendVarchar(r.shortName);
			appender.appendVarchar(r.level);
			appender.appendVarchar(r.jenis);
			appender.appendVarchar(r.provinceCode);
			appender.appendVarchar(r.provinceName);
			appender.appendBigInt(BigInt(r.population2025));
			if (r.areaKm2 === null) appender.appendNull();
			else appender.appendDouble(r.areaKm2);
			appender.endRow();
		}
		appender.closeSync();
		for (const { kind, file, records } of validated) {
			const versionId = await insertVersion(
				connection,
				{
					kind,
					mode: 'bundled',
					fileName: path.basename(file),
					sha256: null,
					by: 'sistem',
					sourceNote: 'Data bawaan (datasets/), lihat datasets/SOURCES.md'
				},
				records.length
			);
			await appendRecords(connection, kind, versionId, records);
			rows += records.length;
		}
		await connection.run('COMMIT');
	} catch (error) {
		await connection.run('ROLLBACK');
		throw error;
	}
	await connection.run('CHECKPOINT');
	return { loaded: true, rows };
}
