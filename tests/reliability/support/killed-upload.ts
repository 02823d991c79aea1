/**
 * Test-only: stores one upload in the database at DATABASE_PATH and is killed (SIGKILL) inside
 * the upload's transaction, just as its original file is moved into the uploads folder: the
 * moment a power cut or an OOM kill can hit. Prints the version id the upload had, then dies.
 *   tsx tests/reliability/support/killed-upload.ts FILE.csv
 */
import fs from 'node:fs';
import path from 'node:path';
import { openForCli } from '$lib/server/cli-database';
import { ingestUpload } from '$lib/server/ingest/ingest-upload';
import { readRegions } from '$lib/server/regions';

const file = process.argv[2]!;
const { db, config } = await openForCli();
const regions = await db.withConnection(readRegions);
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
	if (String(to).startsWith(config.uploadsDir)) {
		console.log(path.basename(String(to)).split('-')[0]);
		process.kill(process.pid, 'SIGKILL');
	}
	rename(from, to);
};
await db.withBulkLoadConnection((c) =>
	ingestUpload(
		c,
		{
			kind: 'penduduk',
			mode: 'append',
			bytes: fs.readFileSync(file),
			fileName: path.basename(file),
			by: 'uji',
			sourceNote: null,
			dryRun: false
		},
		{ regions, uploadsDir: config.uploadsDir }
	)
);
console.error('The upload was not killed.');
process.exit(1);
