import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '$lib/csv/validate-dataset';
import type { Database } from '../duckdb/database';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { stagedColumns, writeStagedRecords } from './staged-records';
import { loadStagedRecords } from './write-records';

function record(overrides: Partial<DatasetRecord>): DatasetRecord {
	return {
		line: 2,
		kode_wilayah: '32.16',
		tahun: 2024,
		dimensi: 'semua',
		id_koperasi: null,
		nama_koperasi: null,
		facts: {},
		status_data: 'resmi',
		sumber: 'Dinas',
		...overrides
	};
}

describe('staged records: what the worker writes is what DuckDB stores', () => {
	let opened: SpecDatabase;
	let dir: string;
	let db: Database;

	beforeAll(async () => {
		opened = await openSpecDatabase('staged');
		({ dir, db } = opened);
	});

	afterAll(() => opened.dispose());

	it('follows the fact table column for column, so nothing is matched by position by accident', async () => {
		for (const kind of ['koperasi', 'pembiayaan', 'jangkauan_pasar', 'penduduk'] as const) {
			const table = await db.withConnection((c) =>
				c.runAndReadAll(
					`SELECT column_name, data_type FROM duckdb_columns()
           WHERE table_name = $1 AND column_name NOT IN ('versi', 'diganti_oleh', 'dibawa_dari')
           ORDER BY column_index`,
					[kind]
				)
			);
			expect(
				stagedColumns(kind).map((c) => [c.name, c.type]),
				kind
			).toEqual(table.getRows());
		}
	});

	it('keeps quotes, commas, line breaks, hostile text, empty text apart from missing text, and the largest Rupiah', async () => {
		const records = [
			record({
				line: 2,
				id_koperasi: 'KSP-001',
				nama_koperasi: 'Koperasi "Maju, Jaya"\nBekasi\r\n=1+1',
				facts: { jumlah_anggota: 1234, koperasi_aktif: null },
				sumber: '<img src=x onerror=alert(1)>'
			}),
			record({ line: 3, id_koperasi: 'KSP-002', nama_koperasi: '', sumber: '' }),
			record({ line: 4, id_koperasi: 'KSP-003', nama_koperasi: null })
		];
		const money = [
			record({ line: 5, kode_wilayah: '19', facts: { aset: 9_007_199_254_740_991, modal_luar: 0 } })
		];
		const koperasiFile = path.join(dir, 'koperasi.csv');
		const moneyFile = path.join(dir, 'pembiayaan.csv');
		writeStagedRecords(koperasiFile, 'koperasi', records);
		writeStagedRecords(moneyFile, 'pembiayaan', money);

		const [people, rupiah] = await db.withConnection(async (c) => {
			await loadStagedRecords(c, 'koperasi', 7, koperasiFile);
			await loadStagedRecords(c, 'pembiayaan', 8, moneyFile);
			const people = await c.runAndReadAll(
				`SELECT versi, diganti_oleh, baris, kode_wilayah, tahun, id_koperasi, nama_koperasi,
                jumlah_anggota, koperasi_aktif, sumber FROM koperasi ORDER BY baris`
			);
			const rupiah = await c.runAndReadAll(
				`SELECT versi, kode_wilayah, aset::VARCHAR AS aset, modal_luar FROM pembiayaan`
			);
			return [people.getRowObjectsJS(), rupiah.getRowObjectsJS()];
		});
		expect(people).toEqual([
			{
				versi: 7,
				diganti_oleh: null,
				baris: 2,
				kode_wilayah: '32.16',
				tahun: 2024,
				id_koperasi: 'KSP-001',
				nama_koperasi: 'Koperasi "Maju, Jaya"\nBekasi\r\n=1+1',
				jumlah_anggota: 1234n,
				koperasi_aktif: null,
				sumber: '<img src=x onerror=alert(1)>'
			},
			expect.objectContaining({ baris: 3, nama_koperasi: '', sumber: '' }),
			expect.objectContaining({ baris: 4, nama_koperasi: null })
		]);
		expect(rupiah).toEqual([
			{ versi: 8, kode_wilayah: '19', aset: '9007199254740991', modal_luar: 0n }
		]);
	});

	it('keeps every line of a file larger than its write buffer, in order, with signs and any script', async () => {
		const names = ['Koperasi Sejahtera', 'Koperasi “Karya” — Bangka', 'KUD Tani 🌾', 'Kop. Ñandú'];
		const many = Array.from({ length: 80_000 }, (_, i) =>
			record({
				line: i + 2,
				kode_wilayah: i % 2 ? '19.05' : '32.16',
				tahun: 2018 + (i % 8),
				dimensi: i % 3 ? 'semua' : 'simpan pinjam — "KSP"',
				facts: { aset: i * 1_000_003, shu: i % 5 ? -i * 7 : 0, modal_luar: i % 4 ? null : 0 },
				sumber: names[i % names.length]!
			})
		);
		const file = path.join(dir, 'banyak.csv');
		writeStagedRecords(file, 'pembiayaan', many);
		// The writer flushes every 4 MiB: this file needs more than one block.
		expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
		const rows = await db.withConnection(async (c) => {
			await loadStagedRecords(c, 'pembiayaan', 9, file);
			const reader = await c.runAndReadAll(
				`SELECT baris, kode_wilayah, tahun, aset::DOUBLE, shu::DOUBLE, modal_luar::DOUBLE, sumber
         FROM pembiayaan WHERE versi = 9 ORDER BY baris`
			);
			return reader.getRowsJS();
		});
		expect(rows).toHaveLength(many.length);
		rows.forEach((row, i) => {
			const r = many[i]!;
			expect(row).toEqual([
				r.line,
				r.kode_wilayah,
				r.tahun,
				r.facts.aset,
				r.facts.shu,
				r.facts.modal_luar ?? null,
				r.sumber
			]);
		});
	});

	it('refuses a fact that is not a whole number instead of rounding it', () => {
		expect(() =>
			writeStagedRecords(path.join(dir, 'pecahan.csv'), 'pembiayaan', [
				record({ facts: { aset: 1234.5 } })
			])
		).toThrow(RangeError);
	});
});
