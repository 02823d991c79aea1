/**
 * Login, sessions, tokens and what the history shows, against the built server started as the
 * README starts it (no ORIGIN, plain HTTP). The shared test server answers what changes nothing
 * shared; a server of this file's own (tests/reliability/support) takes the lock-outs, the
 * uploads and the users CLI, which stops and restarts it.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import {
	ROOT,
	seedDatabase,
	startServer,
	tempDir,
	type RunningServer,
	type SeededDatabase
} from '../reliability/support/server';

interface Answer {
	status: number;
	location: string | null;
	cookies: string[];
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** One request with node:http, so a test can pick the client's address (127.0.0.x). */
function send(
	url: string,
	options: {
		method?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		from?: string;
	}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			// A connection per request: a kept-alive one the server closes after its idle timeout
			// (a CLI run between two requests) ends the next request with "socket hang up".
			{
				method: options.method ?? 'GET',
				headers: options.headers,
				localAddress: options.from,
				agent: false
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (c: Buffer) => chunks.push(c));
				response.on('end', () =>
					resolve({
						status: response.statusCode!,
						location: response.headers.location ?? null,
						cookies: response.headers['set-cookie'] ?? [],
						headers: response.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
			}
		);
		request.on('error', reject);
		request.end(options.body);
	});
}

function logIn(
	base: string,
	name: string,
	password: string,
	options: { next?: string; from?: string; cookie?: string } = {}
): Promise<Answer> {
	return send(`${base}/login`, {
		method: 'POST',
		from: options.from,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: base,
			...(options.cookie ? { cookie: options.cookie } : {})
		},
		body: new URLSearchParams({ name, password, next: options.next ?? '/' }).toString()
	});
}

/** `name=value` of the cookies an answer set, for the next request's Cookie header. */
const cookieHeader = (answer: Answer, ...names: string[]) =>
	answer.cookies
		.map((c) => c.split(';')[0]!)
		.filter((c) => names.includes(c.split('=')[0]!))
		.join('; ');

const DRY_RUN_CSV =
	'kode_wilayah,tahun,jumlah_penduduk,status_data,sumber\n32.16,2019,3300000,estimasi,Uji\n';

function multipart(fields: Record<string, string>, file: { name: string; text: string }) {
	const boundary = `----uji${Date.now()}`;
	const parts = Object.entries(fields).map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
	);
	parts.push(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.text}\r\n--${boundary}--\r\n`
	);
	return {
		body: Buffer.from(parts.join(''), 'utf8'),
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

function uploadDryRun(base: string, headers: Record<string, string>): Promise<Answer> {
	const form = multipart(
		{ kind: 'penduduk', mode: 'append', dry_run: '1' },
		{
			name: 'penduduk.csv',
			text: DRY_RUN_CSV
		}
	);
	return send(`${base}/api/datasets`, {
		method: 'POST',
		headers: { 'content-type': form.contentType, ...headers },
		body: form.body
	});
}

test.describe('plain HTTP, as a fresh install is reached', () => {
	test('login answers 303 with a session cookie without Secure, and no HSTS; the cookie then uploads', async ({
		baseURL
	}) => {
		const { password } = testCredentials().users.analis;
		const login = await logIn(baseURL!, 'analis', password, { next: '/data' });
		expect(login.status, login.body).toBe(303);
		expect(login.location).toBe('/data');
		const session = login.cookies.find((c) => c.startsWith('sesi='));
		expect(session, login.cookies.join(' | ')).toBeDefined();
		expect(session).not.toMatch(/;\s*Secure/i);
		expect(session).toMatch(/;\s*HttpOnly/i);
		expect(session).toMatch(/;\s*SameSite=Strict/i);
		expect(login.headers['strict-transport-security']).toBeUndefined();

		const cookie = cookieHeader(login, 'sesi');
		const sameSite = await uploadDryRun(baseURL!, { cookie, origin: baseURL! });
		expect(sameSite.status, sameSite.body).toBe(200);
		// Truly cross-site stays refused, with the cookie or without.
		for (const origin of ['http://evil.example', baseURL!.replace('http:', 'https:')]) {
			const crossSite = await uploadDryRun(baseURL!, { cookie, origin });
			expect(crossSite.status, origin).toBe(403);
		}
		const forgedLogin = await send(`${baseURL}/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'http://evil.example'
			},
			body: new URLSearchParams({ name: 'analis', password }).toString()
		});
		expect(forgedLogin.status).toBe(403);
	});
});

test.describe('login throttle and where login sends the browser', () => {
	test('30 wrong passwords sent at once: at most 5 are checked, the rest wait (429)', async ({
		baseURL
	}) => {
		const name = `tamu-paralel-${Date.now()}`;
		const answers = await Promise.all(
			Array.from({ length: 30 }, () => logIn(baseURL!, name, 'salah-sekali-123'))
		);
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 400).length, statuses.join(',')).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
	});

	const OFF_SITE = [
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'\\\\evil.example',
		'//evil.example',
		'https://evil.example/',
		'/%0A/evil.example'
	];
	for (const next of OFF_SITE) {
		test(`next=${JSON.stringify(next)} after a correct login stays on this site`, async ({
			baseURL
		}) => {
			const { password } = testCredentials().users.analis;
			const login = await logIn(baseURL!, 'analis', password, { next });
			expect(login.status, login.body).toBe(303);
			expect(new URL(login.location!, `${baseURL}/login`).origin).toBe(baseURL);
			expect(login.location).toMatch(/^\/(?![/\\])/);
		});
	}

	test('a line break in next gives a redirect on this site, not a 500', async ({ baseURL }) => {
		const { password } = testCredentials().users.analis;
		const login = await logIn(baseURL!, 'analis', password, {
			next: '/data\r\nSet-Cookie: sesi=palsu'
		});
		expect(login.status, login.body).toBe(303);
		expect(login.location).not.toMatch(/[\r\n]/);
		expect(new URL(login.location!, baseURL).origin).toBe(baseURL);
		expect(login.cookies.some((c) => c.startsWith('sesi=palsu'))).toBe(false);
	});
});

test.describe('query parameters', () => {
	test('a repeated parameter is refused with 400 naming it, not reduced to its first value', async ({
		request
	}) => {
		for (const [url, name] of [
			['/api/query?indicator=jumlah_koperasi&regions=19&regions=32.16', 'regions'],
			['/api/query?indicator=jumlah_koperasi&indicator=aset&regions=19', 'indicator'],
			[
				'/api/composition?dataset=koperasi&fact=jumlah_koperasi&regions=19&from=2020&from=2021',
				'from'
			]
		] as const) {
			const response = await request.get(url);
			expect(response.status(), url).toBe(400);
			const { message } = (await response.json()) as { message: string };
			expect(message).toBe(`Parameter "${name}" is given more than once`);
		}
	});
});

test.describe('static files', () => {
	const files = ['/favicon.svg', '/robots.txt'];

	test('carry the same security headers as pages and API answers', async ({ request }) => {
		const script = /\/_app\/immutable\/[^"]+\.js/.exec(await (await request.get('/')).text())?.[0];
		expect(script).toBeTruthy();
		for (const file of [...files, script!]) {
			const response = await request.get(file);
			expect(response.status(), file).toBe(200);
			const headers = response.headers();
			expect(headers['x-content-type-options'], file).toBe('nosniff');
			expect(headers['referrer-policy'], file).toBe('same-origin');
			expect(headers['x-frame-options'], file).toBe('DENY');
			expect(headers['x-request-id'], file).toMatch(/^[0-9a-f-]{36}$/);
			expect(headers['content-security-policy'], file).toBe(
				"default-src 'none'; frame-ancestors 'none'"
			);
			expect(headers['strict-transport-security'], file).toBeUndefined();
		}
	});

	test('answer 405 with Allow: GET, HEAD to PUT, DELETE, POST, PATCH and TRACE', async ({
		baseURL
	}) => {
		for (const file of files)
			for (const method of ['PUT', 'DELETE', 'POST', 'PATCH', 'TRACE']) {
				const answer = await send(`${baseURL}${file}`, { method });
				expect(answer.status, `${method} ${file}`).toBe(405);
				expect(answer.headers.allow).toBe('GET, HEAD');
				expect(answer.headers['x-content-type-options']).toBe('nosniff');
			}
		const head = await send(`${baseURL}/robots.txt`, { method: 'HEAD' });
		expect(head.status).toBe(200);
	});
});

/** A server of this file's own, on a fresh seeded database; the CLI tests restart it. */
let own: { seed: SeededDatabase; server: RunningServer; dir: string } | undefined;
async function ownServer() {
	if (!own) {
		const dir = tempDir('auth');
		const seed = seedDatabase(dir);
		own = { seed, dir, server: await startServer({ databasePath: seed.databasePath }) };
	}
	return own;
}
test.afterAll(async () => {
	if (!own) return;
	await own.server.stop();
	fs.rmSync(own.dir, { recursive: true, force: true });
});

function users(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
	return execFileSync(
		process.execPath,
		[path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/users.ts', ...args],
		{
			cwd: ROOT,
			input: options.input ?? '',
			encoding: 'utf8',
			env: { ...process.env, DATABASE_PATH: own!.seed.databasePath, ...options.env },
			stdio: ['pipe', 'pipe', 'pipe']
		}
	);
}

test.describe.serial('accounts on a server of its own', () => {
	test.setTimeout(120_000);

	test('wrong passwords from one address lock only that address; a browser that logged in before keeps working', async () => {
		const { server, seed } = await ownServer();
		const password = seed.accounts.analis!.password;
		// This browser logged in once before, from the same address the attacker uses.
		const earlier = await logIn(server.url, 'analis', password, { from: '127.0.0.1' });
		expect(earlier.status).toBe(303);
		const browser = cookieHeader(earlier, 'peramban');
		expect(browser).toMatch(/^peramban=/);

		for (let i = 0; i < 8; i++)
			await logIn(server.url, 'analis', 'salah-salah-123', { from: '127.0.0.1' });
		const locked = await logIn(server.url, 'analis', password, { from: '127.0.0.1' });
		expect(locked.status).toBe(429);

		const otherAddress = await logIn(server.url, 'analis', password, { from: '127.0.0.2' });
		expect(otherAddress.status).toBe(303);
		const knownBrowser = await logIn(server.url, 'analis', password, {
			from: '127.0.0.1',
			cookie: browser
		});
		expect(knownBrowser.status, knownBrowser.body).toBe(303);
	});

	test('the history hides uploader, file name, hash and source note from anonymous readers and viewers', async () => {
		const { server, seed } = await ownServer();
		const fileName = `laporan\u202e\u0007\u0001${'x'.repeat(300)}.csv`;
		const form = multipart(
			{ kind: 'penduduk', mode: 'append', source: 'Catatan rahasia Dinas' },
			{ name: fileName, text: DRY_RUN_CSV.replace(',2019,', ',2018,') }
		);
		const stored = await send(`${server.url}/api/datasets`, {
			method: 'POST',
			headers: {
				'content-type': form.contentType,
				authorization: `Bearer ${seed.accounts.analis!.token}`
			},
			body: form.body
		});
		expect(stored.status, stored.body).toBe(201);
		const version = (JSON.parse(stored.body) as { version: { id: number; file_name: string } })
			.version;
		expect(version.file_name).not.toMatch(/[\p{Cc}\u202a-\u202e]/u);
		expect([...version.file_name].length).toBeLessThanOrEqual(120);
		expect(version.file_name.startsWith('laporanxxx')).toBe(true);
		expect(version.file_name.endsWith('.csv')).toBe(true);

		type Listed = {
			id: number;
			by: string | null;
			file_name: string | null;
			sha256: string | null;
			source: string | null;
			at: string;
			rows: number;
			changes: unknown;
		};
		const history = async (token?: string) => {
			const answer = await send(`${server.url}/api/datasets`, {
				headers: token ? { authorization: `Bearer ${token}` } : {}
			});
			expect(answer.status).toBe(200);
			return (JSON.parse(answer.body) as { versions: Listed[] }).versions;
		};
		for (const token of [undefined, seed.accounts.pemirsa!.token]) {
			const versions = await history(token);
			for (const v of versions)
				expect(v).toMatchObject({ by: null, file_name: null, sha256: null, source: null });
			const mine = versions.find((v) => v.id === version.id)!;
			expect(mine.rows).toBe(1);
			expect(mine.at).toMatch(/^\d{4}-\d\d-\d\dT/);
			expect(mine.changes).not.toBeNull();
		}
		const analyst = (await history(seed.accounts.analis!.token)).find((v) => v.id === version.id)!;
		expect(analyst).toMatchObject({ by: 'analis', source: 'Catatan rahasia Dinas' });
		expect(analyst.sha256).toMatch(/^[0-9a-f]{64}$/);

		const page = await send(`${server.url}/data/riwayat`, {});
		expect(page.status).toBe(200);
		expect(page.body).toContain(`Versi ${version.id}`);
		for (const secret of ['Catatan rahasia Dinas', 'laporanxxx', '>analis<'])
			expect(page.body).not.toContain(secret);
	});

	test('npm run users: a piped password is its first line; passwd ends every session of the user', async () => {
		const { seed } = await ownServer();
		let login = await logIn(own!.server.url, 'pemirsa', seed.accounts.pemirsa!.password);
		expect(login.status).toBe(303);
		const oldSession = cookieHeader(login, 'sesi');
		await own!.server.stop();
		users(['add', 'pipa', '--role', 'viewer'], { input: 'sandi-pipa-12345\nsandi-pipa-12345\n' });
		const out = users(['passwd', 'pemirsa'], { input: 'sandi-baru-pemirsa-1\n' });
		expect(out).toContain('1 sesi peramban diakhiri');
		own!.server = await startServer({ databasePath: seed.databasePath });

		expect((await logIn(own!.server.url, 'pipa', 'sandi-pipa-12345')).status).toBe(303);
		const stillIn = await send(`${own!.server.url}/login`, { headers: { cookie: oldSession } });
		expect(stillIn.body).not.toContain('data-testid="logged-in-as"');
		expect((await logIn(own!.server.url, 'pemirsa', seed.accounts.pemirsa!.password)).status).toBe(
			400
		);
		login = await logIn(own!.server.url, 'pemirsa', 'sandi-baru-pemirsa-1');
		expect(login.status).toBe(303);
	});

	test('npm run users -- token | tokens | revoke while the server runs go through the server', async () => {
		const { seed } = await ownServer();
		const env = { KOPERASI_URL: own!.server.url, KOPERASI_TOKEN: seed.accounts.admin!.token };
		const made = users(['token', 'analis', '--days', '7'], { env });
		const token = made.trim().split('\n').at(-1)!;
		expect(token).toMatch(/^kop_[A-Za-z0-9_-]{43}$/);
		const id = /id ([0-9a-f]{12})/.exec(made)![1]!;
		expect((await uploadDryRun(own!.server.url, { authorization: `Bearer ${token}` })).status).toBe(
			200
		);

		const listed = users(['tokens', 'analis'], { env });
		expect(listed).toMatch(new RegExp(`^${id}\\t.*sampai \\d{4}-.*\\taktif$`, 'm'));
		expect(listed).not.toContain(token);

		users(['revoke', 'analis', '--token', id], { env });
		expect((await uploadDryRun(own!.server.url, { authorization: `Bearer ${token}` })).status).toBe(
			401
		);
		// The seeded token of the same user still works; a viewer's token may not manage tokens.
		expect(
			(
				await uploadDryRun(own!.server.url, {
					authorization: `Bearer ${seed.accounts.analis!.token}`
				})
			).status
		).toBe(200);
		const refused = await send(`${own!.server.url}/api/admin/tokens`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${seed.accounts.analis!.token}`,
				'content-type': 'application/json'
			},
			body: JSON.stringify({ name: 'analis' })
		});
		expect(refused.status).toBe(403);
	});
});

/**
 * `npm run users -- add` at a terminal: `script` (util-linux) gives the CLI a pseudo-terminal;
 * each answer is typed only once its question is on the screen, as a person would.
 */
async function atTerminal(dir: string, answers: string[]) {
	const command = [process.execPath, path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')]
		.concat(['scripts/users.ts', 'add', 'terminal', '--role', 'viewer'])
		.join(' ');
	const child = spawn('script', ['-qec', command, '/dev/null'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_PATH: path.join(dir, 'koperasi.duckdb') }
	});
	let screen = '';
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
	for (const [question, answer] of [
		['Kata sandi baru untuk terminal', answers[0]],
		['Ulangi kata sandi', answers[1]]
	]) {
		await expect.poll(() => screen, { timeout: 60_000 }).toContain(question);
		child.stdin.write(`${answer}\r`);
	}
	return { code: await exited, screen };
}

test('npm run users -- add at a terminal asks twice without echo, and refuses two different answers', async () => {
	test.setTimeout(120_000);
	const dir = tempDir('terminal');
	try {
		const differ = await atTerminal(dir, ['sandi-terminal-123', 'sandi-terminal-124']);
		expect(differ.code).not.toBe(0);
		expect(differ.screen).toContain('Kedua kata sandi tidak sama');
		const same = await atTerminal(dir, ['sandi-terminal-123', 'sandi-terminal-123']);
		expect(same.code, same.screen).toBe(0);
		expect(same.screen).toContain('Pengguna terminal (viewer) disimpan.');
		expect(same.screen).not.toContain('sandi-terminal');
		const server = await startServer({ databasePath: path.join(dir, 'koperasi.duckdb') });
		try {
			expect((await logIn(server.url, 'terminal', 'sandi-terminal-123')).status).toBe(303);
		} finally {
			await server.stop();
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
