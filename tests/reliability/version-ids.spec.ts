/**
 * A version id is never handed out twice, even after a process killed mid-upload: otherwise the
 * next upload would carry the killed one's id, and the killed upload's original (moved aside as
 * `<id>-….csv`) would seem to belong to it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openForCli } from '$lib/server/cli-database';
import { ingestUpload } from '$lib/server/ingest/ingest-upload';
import { listVersions } from '$lib/server/ingest/versions';
import { readRegions } from '$lib/server/regions';

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-version-ids-'));
const env = {
	...process.env,
	DATABASE_PATH: path.join(dir, 'koperasi.duckdb'),
	DATASETS_DIR: path.resolve('datasets')
};
const csv = (year: number) =>
	`kode_wilayah,tahun,jumlah_penduduk,status_data,sumber\n32.16,${year},3300000,estimasi,Uji id versi\n`;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives the upload after a killed one a new id, never the killed one’s', async () => {
	const killedIds: number[] = [];
	for (const year of [2019, 2020]) {
		fs.writeFileSync(path.join(dir, 'upload.csv'), csv(year));
		const killed = spawnSync(
			process.execPath,
			[TSX, 'tests/reliability/support/killed-upload.ts', path.join(dir, 'upload.csv')],
			{ env, encoding: 'utf8' }
		);
		// tsx runs the script in a child of its own and passes the kill on as exit code 137.
		expect(killed.signal === 'SIGKILL' || killed.status === 137, killed.stderr).toBe(true);
		killedIds.push(Number(killed.stdout.trim()));
	}
	expect(killedIds[0]).toBeGreaterThan(0);

	const saved = { ...process.env };
	Object.assign(process.env, env);
	const { db, config } = await openForCli();
	try {
		const regions = await db.withConnection(readRegions);
		const outcome = await db.withBulkLoadConnection((c) =>
			ingestUpload(
				c,
				{
					kind: 'penduduk',
					mode: 'append',
					bytes: new TextEncoder().encode(csv(2021)),
					fileName: 'upload.csv',
					by: 'uji',
					sourceNote: null,
					dryRun: false
				},
				{ regions, uploadsDir: config.uploadsDir }
			)
		);
		expect(outcome.kind).toBe('stored');
		const id = outcome.kind === 'stored' ? outcome.versionId! : 0;
		for (const killedId of killedIds) expect(id).not.toBe(killedId);
		expect(id).toBeGreaterThan(Math.max(...killedIds));
		const ids = (await db.withConnection(listVersions)).map((v) => v.id);
		expect(new Set(ids).size).toBe(ids.length);
	} finally {
		db.close();
		process.env = saved;
	}
}, 120_000);
