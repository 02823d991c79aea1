/**
 * Brings a backup back, with the server stopped:
 *   npm run restore -- BACKUP_DIR
 * Every file is checked against the manifest, the backup is loaded into a new file and its tables
 * are compared with the manifest's row counts and checksums; only then is it swapped in. The file
 * it replaces (and its WAL) are renamed to `<database>.before-restore-<time>`, never deleted.
 */
import { readConfig } from '$lib/server/config';
import { listBackups } from '$lib/server/backup/manifest';
import { restoreBackup } from '$lib/server/backup/restore-backup';

async function main() {
	const config = readConfig();
	const [dir] = process.argv.slice(2);
	if (!dir) {
		const backups = listBackups(config.backupDir);
		console.error(
			`Usage: npm run restore -- BACKUP_DIR\n` +
				(backups.length
					? `Backups in ${config.backupDir}, newest first:\n  ${backups.slice(0, 10).join('\n  ')}`
					: `No backups in ${config.backupDir}.`)
		);
		process.exit(2);
	}
	const result = await restoreBackup({ backupDir: dir, databasePath: config.databasePath });
	console.log(
		`Restored ${result.tables} tables, ${result.rows} rows from ${result.backupDir} into ${result.databasePath} in ${result.ms} ms; every table matches the manifest.`
	);
	for (const file of result.movedAside) console.log(`  the previous file is kept as ${file}`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
