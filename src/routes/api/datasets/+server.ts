import { json } from '@sveltejs/kit';
import { can } from '$lib/auth/roles';
import { isDatasetKind } from '$lib/catalogue/datasets';
import { getApp } from '$lib/server/app';
import { prepareForIngest, storePrepared } from '$lib/server/ingest/ingest-upload';
import { getVersion, listVersions, revertBlocker } from '$lib/server/ingest/versions';
import {
	apiLocale,
	messageResponse,
	problemsCsvResponse,
	problemsResponse
} from '$lib/server/http/problems-response';
import { readUploadForm } from '$lib/server/http/upload-form';
import { cleanFileName } from '$lib/server/http/file-name';
import type { DatasetVersion } from '$lib/upload/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, request, url }) => {
	const app = await getApp();
	const versions = await app.db.withConnection(listVersions);
	const locale = apiLocale(request, url);
	const mayRevert = can(locals.user?.role, 'revert');
	// Who uploaded what file is for the people who upload; a reader sees what changed and when.
	const mayKnowWho = can(locals.user?.role, 'upload');
	return json({
		versions: versions.map((v): DatasetVersion => {
			const blocker = revertBlocker(v, versions);
			return {
				...v,
				...(mayKnowWho ? {} : { by: null, file_name: null, sha256: null, source: null }),
				can_revert: mayRevert && blocker === null,
				revert_blocked_reason: blocker ? blocker[locale] : null
			};
		})
	});
};

export const POST: RequestHandler = async ({ locals, request, url }) => {
	const locale = apiLocale(request, url);
	if (!locals.user) return messageResponse(401, 'Perlu masuk (login) atau token API.', 'Login or an API token is required.', locale);
	if (!can(locals.user.role, 'upload'))
		return messageResponse(403, 'Peran Anda tidak boleh mengunggah data.', 'Your role may not upload data.', locale);

	const app = await getApp();
	const form = await readUploadForm(request, app.config.uploadLimitBytes);
	if (!form.ok) return messageResponse(form.status, form.message.id, form.message.en, locale);
	const { file, fields } = form;
	const wantsCsv = /\btext\/csv\b/i.test(request.headers.get('accept') ?? '');
	const kind = fields.kind;
	if (!isDatasetKind(kind))
		return messageResponse(
			400,
			`Jenis data "${kind}" tidak dikenal.`,
			`Unknown dataset kind "${kind}".`,
			locale
		);

	const upload = {
		kind,
		mode: fields.mode,
		bytes: new Uint8Array(await file.arrayBuffer()),
		fileName: cleanFileName(file.name),
		by: locals.user!.name,
		sourceNote: fields.source,
		conventions: fields.conventions,
		reading: {
			columns: fields.columns,
			defaults: { status: fields.status, source: fields.source, year: fields.year },
			periods: fields.periods
		},
		dryRun: fields.dryRun,
		// A client asking for CSV gets every problem, streamed from a file written as they are found.
		reportLocale: wantsCsv ? locale : undefined
	};
	const context = {
		regions: app.regions,
		uploadsDir: app.config.uploadsDir,
		ledgerPath: app.db.ledgerPath
	};
	const release = await app.writeLock.acquire();
	try {
		// Parsing and validation run in a worker thread and hold no database connection; only
		// the transaction that stores the rows takes one.
		const prepared = await prepareForIngest(upload, context);
		const outcome = await app.db.withBulkLoadConnection((c) =>
			storePrepared(c, upload, prepared, context)
		);
		if (outcome.kind === 'not-text')
			return messageResponse(
				415,
				'Berkas bukan CSV teks (mungkin Excel, PDF atau gambar). Simpan sebagai CSV lalu unggah lagi.',
				'The file is not a text CSV (perhaps Excel, PDF or an image). Save it as CSV and upload again.',
				locale
			);
		if (outcome.kind === 'problems' && wantsCsv)
			return problemsCsvResponse(outcome.problems, outcome.reportFile, locale, file.name);
		if (outcome.kind === 'problems')
			return problemsResponse(
				outcome.problems,
				outcome.problemCount,
				locale,
				{ encoding: outcome.encoding, delimiter: outcome.delimiter },
				outcome.groups
			);
		const body = {
			kind: fields.kind,
			mode: fields.mode,
			rows: outcome.rows,
			sha256: outcome.sha256,
			encoding: outcome.encoding,
			delimiter: outcome.delimiter,
			changes: outcome.changes
		};
		const { way, ...steps } = outcome.timings;
		const ms = Object.entries(steps)
			.map(([step, value]) => `${step} ${value}`)
			.join(', ');
		console.info(
			`Upload ${outcome.kind === 'planned' ? 'checked (dry run)' : `stored as version ${outcome.versionId}`}: ${kind}, ${outcome.rows} rows, the ${way} way; ms: ${ms}`
		);
		if (outcome.kind === 'planned') return json({ dry_run: true, ...body });
		const version = await app.db.withConnection((c) => getVersion(c, outcome.versionId!));
		return json({ version, ...body }, { status: 201 });
	} finally {
		release();
	}
};
