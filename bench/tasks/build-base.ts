/**
 * The benchmark database before the register: every regional dataset loaded at first start
 * through the same validation as uploads (as `datasets/` is), and an analyst with an API token.
 *   node --import tsx bench/tasks/build-base.ts DATASETS_DIR DATABASE
 */
import fs from 'node:fs';
import { addUser } from '$lib/server/auth/accounts';
import { createToken } from '$lib/server/auth/api-tokens';
import { openDatabase } from '$lib/server/duckdb/database';
import { migrate } from '$lib/server/duckdb/schema';
import { loadBundledIfEmpty } from '$lib/server/ingest/load-bundled';

const [datasetsDir, databasePath] = process.argv.slice(2);
if (!datasetsDir || !databasePath) throw new Error('Usage: build-base.ts DATASETS_DIR DATABASE');
for (const file of [databasePath, `${databasePath}.wal`]) fs.rmSync(file, { force: true });

const began = performance.now();
const db = await openDatabase({
	path: databasePath,
	threads: 2,
	memoryLimit: '2GB',
	maxConcurrent: 1
});
const result = await db.withConnection(async (c) => {
	await migrate(c);
	const { rows } = await loadBundledIfEmpty(c, datasetsDir);
	await addUser(c, 'bench', 'analyst', 'bench-analyst-password');
	const { token } = await createToken(c, 'bench');
	await c.run('CHECKPOINT');
	return { rows, token };
});
db.close();
console.log(JSON.stringify({ ...result, ms: Math.round(performance.now() - began) }));
