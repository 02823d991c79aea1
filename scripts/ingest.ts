/**
 * Loads a CSV through the same pipeline as the upload page:
 *   npm run ingest -- --kind koperasi --mode append|replace [--source "…"] [--dry-run] FILE
 * When the server is running it owns the database file, so the file is sent to the server's API
 * (set KOPERASI_TOKEN to an analyst's API token; KOPERASI_URL defaults to http://127.0.0.1:$PORT).
 * Otherwise the database is opened directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDatasetKind } from '$lib/catalogue/datasets';
import { openForCli } from '$lib/server/cli-database';
import { readRegions } from '$lib/server/regions';
import { ingestUpload } from '$lib/server/ingest/ingest-upload';
import { localiseProblems } from '$lib/server/http/problems-response';
import { cleanFileName } from '$lib/server/http/file-name';
import { runningServer } from './running-server';

interface Args {
	kind: string;
	mode: 'append' | 'replace';
	source: string | null;
	dryRun: boolean;
	file: string;
}

function parseArgs(argv: string[]): Args {
	const args: Partial<Args> = { mode: 'append', source: null, dryRun: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--kind') args.kind = argv[++i];
		else if (a === '--mode') args.mode = argv[++i] as Args['mode'];
		else if (a === '--source') args.source = argv[++i] ?? null;
		else if (a === '--dry-run') args.dryRun = true;
		else args.file = a;
	}
	if (
		!args.kind ||
		!isDatasetKind(args.kind) ||
		!args.file ||
		!['append', 'replace'].includes(args.mode!)
	) {
		console.error(
			'Usage: npm run ingest -- --kind koperasi|pembiayaan|jangkauan_pasar|penduduk --mode append|replace [--source TEXT] [--dry-run] FILE'
		);
		process.exit(2);
	}
	return args as Args;
}

async function viaServer(url: string, args: Args): Promise<number> {
	const token = process.env.KOPERASI_TOKEN;
	if (!token) {
		console.error(
			`The server at ${url} is running and owns the database file, so this command will not open it.\n` +
				'Set KOPERASI_TOKEN to an analyst API token (npm run users -- token NAME) to send the file through the server, or stop the server first.'
		);
		return 3;
	}
	const form = new FormData();
	form.set('file', new Blob([fs.readFileSync(args.file)]), path.basename(args.file));
	form.set('kind', args.kind);
	form.set('mode', args.mode);
	if (args.source) form.set('source', args.source);
	if (args.dryRun) form.set('dry_run', '1');
	const response = await fetch(`${url}/api/datasets`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}` },
		body: form
	});
	const body = (await response.json()) as Record<string, unknown>;
	console.log(JSON.stringify(body, null, 2));
	return response.ok ? 0 : 1;
}

async function direct(args: Args): Promise<number> {
	const { db, config } = await openForCli();
	try {
		const regions = await db.withConnection(readRegions);
		const outcome = await db.withBulkLoadConnection((c) =>
			ingestUpload(
				c,
				{
					kind: args.kind as Parameters<typeof ingestUpload>[1]['kind'],
					mode: args.mode,
					bytes: fs.readFileSync(args.file),
					fileName: cleanFileName(path.basename(args.file)),
					by: `cli:${process.env.USER ?? 'unknown'}`,
					sourceNote: args.source,
					dryRun: args.dryRun
				},
				{ regions, uploadsDir: config.uploadsDir, ledgerPath: db.ledgerPath }
			)
		);
		if (outcome.kind === 'not-text') {
			console.error('The file is not a text CSV.');
			return 1;
		}
		if (outcome.kind === 'problems') {
			console.error(`${outcome.problemCount} problem(s); nothing was stored.`);
			for (const p of localiseProblems(outcome.problems.slice(0, 50), 'en'))
				console.error(`line ${p.line}, ${p.column || '-'}: ${p.message} ${p.fix}`);
			return 1;
		}
		console.log(JSON.stringify(outcome, null, 2));
		return 0;
	} finally {
		db.close();
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const url = await runningServer();
	process.exitCode = url ? await viaServer(url, args) : await direct(args);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
