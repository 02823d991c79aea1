/**
 * HTTP hardening of the built server: security headers and the Content-Security-Policy on every
 * page and API answer, session cookies behind HTTPS, failures that show a request id and no
 * internals, CSV exports that always go through writeCsv, and who may make a backup.
 *
 * The shared test server (bundled data) answers most checks. Servers of this file's own (from
 * tests/reliability/support) cover what needs another configuration: HTTPS behind a proxy, a
 * database that fails a query, and hostile region names and sources.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import { INTERNALS } from '../reliability/support/fuzz';
import { HOSTILE_REGIONS, startHostileServer } from '../reliability/support/hostile';
import {
	copyDatabase,
	seedDatabase,
	startServer,
	tempDir,
	type RunningServer,
	type SeededDatabase
} from '../reliability/support/server';

const ROUTES = 'src/routes';

function walk(dir: string): string[] {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every page without a route parameter, as a path: /, /data, /jelajah, … */
function pagePaths(): string[] {
	return walk(ROUTES)
		.filter((f) => f.endsWith('+page.svelte') && !f.includes('['))
		.map((f) => {
			const segments = path
				.dirname(path.relative(ROUTES, f))
				.split(path.sep)
				.filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
			return `/${segments.join('/')}`;
		})
		.sort();
}

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

function expectCommonHeaders(headers: Record<string, string>, where: string) {
	expect(headers['x-content-type-options'], where).toBe('nosniff');
	expect(headers['referrer-policy'], where).toBe('same-origin');
	expect(headers['x-frame-options'], where).toBe('DENY');
	expect(headers['x-request-id'], where).toMatch(/^[0-9a-f-]{36}$/);
	expect(headers['content-security-policy'], where).toBeTruthy();
	expect(directives(headers['content-security-policy']!).get('frame-ancestors'), where).toEqual([
		"'none'"
	]);
}

test.describe('security headers', () => {
	for (const page of pagePaths()) {
		test(`page ${page}: CSP that allows only its own scripts (each inline script by hash), and the other headers`, async ({
			request
		}) => {
			const response = await request.get(page);
			expect(response.status()).toBe(200);
			const headers = response.headers();
			expectCommonHeaders(headers, page);
			const csp = directives(headers['content-security-policy']!);
			expect(csp.get('default-src')).toEqual(["'self'"]);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('base-uri')).toEqual(["'self'"]);
			expect(csp.get('form-action')).toEqual(["'self'"]);
			const scripts = csp.get('script-src')!;
			expect(scripts[0]).toBe("'self'");
			for (const source of scripts.slice(1))
				expect(source).toMatch(/^'(sha256-[A-Za-z0-9+/=]+|nonce-[^']+)'$/);
			// ECharts positions its tooltip with inline styles: style-src needs 'unsafe-inline'.
			expect(csp.get('style-src')).toContain("'unsafe-inline'");
			const html = await response.text();
			let inline = 0;
			for (const [, body] of html.matchAll(
				/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g
			)) {
				const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
				expect(scripts, `inline script ${body!.slice(0, 60)}…`).toContain(hash);
				inline++;
			}
			// SvelteKit starts the page from an inline script: the hash check above must have run.
			expect(inline).toBeGreaterThan(0);
		});
	}

	test('API answers (JSON, Arrow, CSV) carry the headers and a CSP that runs nothing; a 404 page too', async ({
		request
	}) => {
		const paths = [
			'/api/health',
			'/api/regions',
			'/api/indicators',
			'/api/datasets',
			'/api/query?indicator=jumlah_koperasi&regions=32.16&format=json',
			'/api/query?indicator=jumlah_koperasi&regions=32.16&format=arrow',
			'/api/query?indicator=jumlah_koperasi&regions=32.16&format=csv'
		];
		for (const p of paths) {
			const response = await request.get(p);
			expect(response.status(), p).toBe(200);
			expectCommonHeaders(response.headers(), p);
			expect(response.headers()['content-security-policy']).toBe(
				"default-src 'none'; frame-ancestors 'none'"
			);
		}
		// An unknown path gets the HTML error page, with the page CSP and a request id.
		const missing = await request.get('/api/tidak-ada');
		expect(missing.status()).toBe(404);
		expectCommonHeaders(missing.headers(), '404');
	});

	test('no Strict-Transport-Security over plain HTTP (it would pin a local address to HTTPS)', async ({
		request
	}) => {
		expect(
			(await request.get('/api/health')).headers()['strict-transport-security']
		).toBeUndefined();
	});
});

/** A fresh seeded database per server of this file; seeding once is enough. */
let seed: SeededDatabase | undefined;
const cleanup: string[] = [];
function freshCopy(name: string): SeededDatabase {
	if (!seed) {
		const dir = tempDir('hardening-seed');
		cleanup.push(dir);
		seed = seedDatabase(dir, { accounts: ['admin:admin', 'analis:analyst'] });
	}
	const dir = tempDir(name);
	cleanup.push(dir);
	return copyDatabase(seed, dir);
}
test.afterAll(() => {
	for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

async function logIn(server: RunningServer, headers: Record<string, string>) {
	const response = await fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...headers
		},
		body: new URLSearchParams({ name: 'analis', password: 'sandi-uji-analis-12345', next: '/' })
	});
	return {
		status: response.status,
		// The session cookie; login also sets the browser's own id (peramban), tested in auth.spec.ts.
		cookie: response.headers.getSetCookie().find((c) => /^(__Host-)?sesi=/.test(c)) ?? '',
		headers: response.headers
	};
}

test.describe('session cookies behind HTTPS', () => {
	test('ORIGIN=https://…: the cookie is __Host-, Secure, HttpOnly, SameSite=Strict; HSTS is sent', async () => {
		const db = freshCopy('https-origin');
		const server = await startServer({
			databasePath: db.databasePath,
			env: { ORIGIN: 'https://koperasi.test' }
		});
		try {
			const login = await logIn(server, { origin: 'https://koperasi.test' });
			expect(login.status).toBe(303);
			expect(login.cookie).toMatch(/^__Host-sesi=[A-Za-z0-9_-]{43};/);
			for (const attribute of [
				/;\s*Secure/i,
				/;\s*HttpOnly/i,
				/;\s*SameSite=Strict/i,
				/;\s*Path=\//i
			])
				expect(login.cookie).toMatch(attribute);
			expect(login.headers.get('strict-transport-security')).toBe('max-age=31536000');
		} finally {
			await server.stop();
		}
	});

	test('PROTOCOL_HEADER=x-forwarded-proto: Secure when the proxy says https, not on plain http', async () => {
		const db = freshCopy('https-proxy');
		const server = await startServer({
			databasePath: db.databasePath,
			env: { ORIGIN: '', PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' }
		});
		try {
			const proxied = await logIn(server, {
				'x-forwarded-proto': 'https',
				'x-forwarded-host': 'koperasi.test',
				origin: 'https://koperasi.test'
			});
			expect(proxied.status).toBe(303);
			expect(proxied.cookie).toMatch(/^__Host-sesi=.*;\s*Secure/i);
			const host = new URL(server.url).host;
			const plain = await logIn(server, {
				'x-forwarded-proto': 'http',
				'x-forwarded-host': host,
				origin: server.url
			});
			expect(plain.status).toBe(303);
			expect(plain.cookie).toMatch(/^sesi=/);
			expect(plain.cookie).not.toMatch(/Secure/i);
		} finally {
			await server.stop();
		}
	});
});

test.describe('failures', () => {
	test('a query the database cannot run answers 500 with a request id, no SQL or engine detail; the log has both', async () => {
		const db = freshCopy('broken');
		// A damaged column: the catalogue's SUM over it fails inside DuckDB at query time.
		const instance = await DuckDBInstance.create(db.databasePath);
		const connection = await instance.connect();
		await connection.run(`ALTER TABLE pembiayaan ALTER aset TYPE VARCHAR`);
		await connection.run(`UPDATE pembiayaan SET aset = 'rusak'`);
		connection.closeSync();
		instance.closeSync();
		const server = await startServer({ databasePath: db.databasePath });
		try {
			const response = await fetch(
				`${server.url}/api/query?indicator=aset&regions=32.16&format=json`
			);
			const text = await response.text();
			expect(response.status).toBe(500);
			const id = response.headers.get('x-request-id')!;
			expect(JSON.parse(text)).toEqual({ message: 'Terjadi kesalahan di server.', requestId: id });
			expect(text).not.toMatch(INTERNALS);
			expect(text).not.toMatch(/SELECT|pembiayaan|rusak/);
			await expect.poll(() => server.output()).toContain(`[${id}] GET /api/query`);
			const logged = server.output().slice(server.output().indexOf(`[${id}]`));
			expect(logged).toMatch(/Conversion Error|Binder Error|Could not convert/);
			// Refusals are logged too, one line each, with the id the client was given.
			const refused = await fetch(`${server.url}/api/datasets`, { method: 'POST' });
			expect(refused.status).toBe(401);
			const refusedId = refused.headers.get('x-request-id')!;
			await expect.poll(() => server.output()).toContain(`[${refusedId}] POST /api/datasets → 401`);
		} finally {
			await server.stop();
		}
	});
});

/** Files that hand out CSV and the runtime check of each (server routes), or why none is needed. */
const CSV_EMITTERS: Record<string, string> = {
	'src/routes/api/query/+server.ts': 'runtime: /api/query?format=csv below',
	'src/routes/jelajah/ExportBar.svelte': 'browser download: tests/e2e/hostile-text.e2e.ts',
	'src/lib/upload/upload-session.svelte.ts':
		'browser download of problems: tests/e2e/hostile-text.e2e.ts',
	'src/lib/server/http/problems-response.ts':
		'runtime: the streamed problem report in tests/integration/uploads.spec.ts (hostile cells)'
};
/** `text/csv` that is not an export: a file picker's filter, the upload sent to the server. */
const NOT_EXPORTS = [/accept\s*=\s*['"][^'"]*text\/csv/, /new File\(/];

function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? path.join('src/lib', specifier.slice(5))
		: specifier.startsWith('.')
			? path.join(path.dirname(from), specifier)
			: null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, `${base}/index.ts`])
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	return null;
}

/** Whether the file, or a module it imports (two hops), imports writeCsv. */
function reachesWriteCsv(file: string, depth = 2): boolean {
	const imports = importsOf(file);
	if (imports.some((i) => /csv\/write-csv$/.test(i))) return true;
	if (depth === 0) return false;
	return imports.some((i) => {
		const target = resolveImport(file, i);
		return target !== null && reachesWriteCsv(target, depth - 1);
	});
}

test.describe('CSV exports', () => {
	const sources = walk('src').filter(
		(f) => /\.(ts|svelte)$/.test(f) && !/\.spec\.ts$/.test(f) && !f.endsWith('write-csv.ts')
	);

	test('every file that hands out text/csv builds it with writeCsv, and is listed here with its check', () => {
		const emitters = sources.filter((f) =>
			fs
				.readFileSync(f, 'utf8')
				.split('\n')
				.some((line) => line.includes('text/csv') && !NOT_EXPORTS.some((re) => re.test(line)))
		);
		expect(emitters.sort()).toEqual(Object.keys(CSV_EMITTERS).sort());
		for (const file of emitters) expect(reachesWriteCsv(file), file).toBe(true);
	});

	test('no other CSV writer exists: no Papa.unparse, no hand-joined CSV lines outside writeCsv', () => {
		for (const file of sources) {
			const text = fs.readFileSync(file, 'utf8');
			expect(text, file).not.toMatch(/\bunparse\s*\(/);
			expect(text, file).not.toMatch(/join\(\s*['"]\\r\\n['"]\s*\)/);
		}
	});

	test('/api/query?format=csv: hostile region names and sources start with an apostrophe; negative figures stay numbers', async () => {
		test.setTimeout(60_000);
		const hostile = await startHostileServer();
		try {
			const codes = ['32.16', '19', '32.04', '32.73', '32.75', '32.74'];
			const response = await fetch(
				`${hostile.server.url}/api/query?indicator=shu&regions=${codes.join(',')}&from=2024&to=2025&format=csv`
			);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(response.headers.get('content-disposition')).toMatch(
				/^attachment; filename="[\w.-]+\.csv"$/
			);
			const { data } = Papa.parse<string[]>(await response.text(), { skipEmptyLines: true });
			const [header, ...rows] = data;
			const at = (name: string) => header!.indexOf(name);
			expect(rows.length).toBeGreaterThanOrEqual(codes.length * 2);
			for (const row of rows)
				for (const [i, cell] of row.entries()) {
					if (!/^[=+\-@\t\r]/.test(cell)) continue;
					// A figure may start with '-'; text never may start with a formula character.
					expect(i === at('value') && /^-\d+(\.\d+)?$/.test(cell), `${header![i]}: ${cell}`).toBe(
						true
					);
				}
			const names = new Set(rows.map((r) => r[at('region_name')]));
			expect(names).toContain(`'${HOSTILE_REGIONS['32.04']}`);
			expect(names).toContain(`'${HOSTILE_REGIONS['32.73']}`);
			expect(names).toContain(`'${HOSTILE_REGIONS['32.75']}`);
			expect(names).toContain(`'${HOSTILE_REGIONS['32.74']}`);
			expect(names).toContain(HOSTILE_REGIONS['32.16']);
			const loss = rows.find((r) => r[at('region_code')] === '32.16' && r[at('year')] === '2025')!;
			expect(Number(loss[at('value')])).toBeLessThan(0);
			expect(
				rows.map((r) => r[at('sources')]).filter((s) => s?.startsWith("'")).length
			).toBeGreaterThan(0);
		} finally {
			await hostile.close();
		}
	});
});

test.describe('who may make a backup', () => {
	const ACCOUNT = { viewer: 'pemirsa', analyst: 'analis', admin: 'admin' } as const;
	const cases: [keyof typeof ACCOUNT | 'anonymous', number][] = [
		['anonymous', 401],
		['viewer', 403],
		['analyst', 403],
		['admin', 201]
	];
	for (const [role, status] of cases) {
		test(`POST /api/admin/backup as ${role} answers ${status}`, async ({ request }) => {
			const headers: Record<string, string> =
				role === 'anonymous'
					? {}
					: { Authorization: `Bearer ${testCredentials().tokens[ACCOUNT[role]]}` };
			const response = await request.post('/api/admin/backup', { headers });
			expect(response.status(), await response.text()).toBe(status);
			if (status === 201) {
				const text = await response.text();
				const body = JSON.parse(text) as {
					name: string;
					tables: { table: string; rows: number }[];
				};
				// The folder's name only: the answer never shows where the server keeps its files.
				expect(body.name).toMatch(/^koperasi-[0-9TZ]+-[0-9a-f]+$/);
				expect(fs.existsSync(path.join(testCredentials().databaseDir, 'backups', body.name))).toBe(
					true
				);
				expect(text).not.toContain(testCredentials().databaseDir);
				expect(body.tables.find((t) => t.table === 'wilayah')?.rows).toBe(552);
			}
		});
	}

	test('an admin token from a foreign Origin is refused (403) like every other mutating request', async ({
		request
	}) => {
		const response = await request.post('/api/admin/backup', {
			headers: {
				Authorization: `Bearer ${testCredentials().tokens.admin}`,
				Origin: 'https://evil.example'
			}
		});
		expect(response.status()).toBe(403);
	});

	test('every mutating route is covered by a role table (uploads.spec.ts or the one above)', () => {
		const mutating = walk(ROUTES)
			.filter((f) => {
				const text = fs.readFileSync(f, 'utf8');
				return (
					(f.endsWith('+server.ts') && /export const (POST|PUT|PATCH|DELETE)\b/.test(text)) ||
					(f.endsWith('+page.server.ts') && /export const actions\b/.test(text))
				);
			})
			.map((f) => path.relative(ROUTES, path.dirname(f)) || '.')
			.sort();
		expect(mutating).toEqual(
			[
				'api/admin/backup', // above
				'api/admin/tokens', // auth.spec.ts
				'api/datasets', // uploads.spec.ts
				'api/datasets/[id]/revert', // uploads.spec.ts
				'login', // uploads.spec.ts
				'logout' // uploads.spec.ts
			].sort()
		);
	});
});

test.describe('prototype keys from uploads', () => {
	test('headers and conventions named __proto__ or constructor change nothing: the next answer is the same', async ({
		request
	}) => {
		const token = testCredentials().tokens.analis;
		const csv = (header: string) => `${header}\n11.05,2019,semua,9,6,3,90,1,2,resmi,Uji\n`;
		const plain =
			'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,koperasi_rat,jumlah_anggota,jumlah_manajer,jumlah_karyawan,status_data,sumber';
		const send = (header: string, conventions?: string) =>
			request.post('/api/datasets?lang=en', {
				headers: { Authorization: `Bearer ${token}` },
				multipart: {
					kind: 'koperasi',
					mode: 'replace',
					dry_run: '1',
					...(conventions ? { conventions } : {}),
					file: { name: '__proto__.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(header)) }
				}
			});
		const baseline = await send(plain);
		expect(baseline.status()).toBe(200);
		const hostile = await send(
			plain.replace('jumlah_manajer', '__proto__').replace('jumlah_karyawan', 'constructor'),
			'{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"jumlah_anggota":"id"}'
		);
		expect([200, 422]).toContain(hostile.status());
		expect(await hostile.text()).not.toMatch(INTERNALS);
		const again = await send(plain);
		expect(again.status()).toBe(200);
		expect(await again.json()).toEqual(await baseline.json());
		const regions = (await (await request.get('/api/regions')).json()) as Record<string, unknown>;
		expect(Object.keys(regions)).toEqual(['regions']);
	});
});
