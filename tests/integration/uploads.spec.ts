/**
 * Uploads against the real built server (tests/support/start-test-server.mjs): who may change
 * data, what an upload does to the figures the query API serves, and that every refused upload
 * leaves the data exactly as it was.
 *
 * The bundled data covers the provinces and the regencies of Jawa Barat (32.xx) and Bangka
 * Belitung (19.xx). These tests write only to kabupaten/kota elsewhere (12.72, 12.73, 63.71,
 * 64.71, 73.71–73.73) within 2018–2025, so the figures other specs read and the default year
 * range stay untouched, and they undo every upload they make. The CLI spec writes another
 * dataset (jangkauan_pasar), so "later version" rules never mix the two files' uploads.
 */
import fs from 'node:fs';
import http from 'node:http';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import { whileServerIsBusy } from '../support/server-busy-lock';

type Role = 'anonymous' | 'viewer' | 'analyst' | 'admin';
const ACCOUNT = { viewer: 'pemirsa', analyst: 'analis', admin: 'admin' } as const;
const MIB = 1024 * 1024;

interface Problem {
	line: number;
	column: string;
	value: string;
	message: string;
	fix: string;
}

interface Version {
	id: number;
	kind: string;
	mode: string;
	file_name: string | null;
	rows: number;
	by: string;
	reverted_at: string | null;
	can_revert: boolean;
}

function bearer(role: Role): Record<string, string> {
	if (role === 'anonymous') return {};
	return { Authorization: `Bearer ${testCredentials().tokens[ACCOUNT[role]]}` };
}

/** Nothing a client sees may reveal internals: no stack frames, no SQL, no engine name. */
function expectNoInternals(text: string) {
	expect(text).not.toMatch(/(^|\\n|\n)\s*at (async )?\S+ \(?[^\s()]+:\d+:\d+\)?/);
	expect(text).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b/);
	expect(text).not.toMatch(/duckdb/i);
}

interface Reply<T = Record<string, unknown>> {
	status: number;
	text: string;
	body: T;
}

async function reply<T>(response: {
	status(): number;
	text(): Promise<string>;
}): Promise<Reply<T>> {
	const text = await response.text();
	expectNoInternals(text);
	let body: unknown = null;
	try {
		body = JSON.parse(text);
	} catch {
		body = null;
	}
	return { status: response.status(), text, body: body as T };
}

interface UploadOptions {
	role?: Role;
	kind?: string;
	mode?: 'append' | 'replace';
	name?: string;
	mimeType?: string;
	dryRun?: boolean;
	conventions?: Record<string, string>;
	headers?: Record<string, string>;
	/** Further form fields, as sent (`status`, `source`, `year`, `columns`, `dry_run`, …). */
	fields?: Record<string, string>;
}

type UploadReply = Reply<{
	message?: string;
	version?: Version;
	rows?: number;
	encoding?: string;
	delimiter?: string;
	changes?: {
		added: number;
		replaced: number;
		by_region_year: { region_code: string; year: number; added: number; replaced: number }[];
	};
	problem_count?: number;
	problems?: Problem[];
}>;

async function upload(
	request: APIRequestContext,
	content: string | Buffer,
	options: UploadOptions = {}
): Promise<UploadReply> {
	const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
		file: {
			name: options.name ?? 'unggahan.csv',
			mimeType: options.mimeType ?? 'text/csv',
			buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content
		},
		kind: options.kind ?? 'koperasi',
		mode: options.mode ?? 'append'
	};
	if (options.dryRun) multipart.dry_run = '1';
	if (options.conventions) multipart.conventions = JSON.stringify(options.conventions);
	Object.assign(multipart, options.fields);
	return reply(
		await request.post('/api/datasets?lang=en', {
			headers: { ...bearer(options.role ?? 'analyst'), ...options.headers },
			multipart
		})
	);
}

async function revert(
	request: APIRequestContext,
	id: number,
	role: Role = 'analyst',
	headers: Record<string, string> = {}
): Promise<Reply<{ message?: string; version?: Version }>> {
	return reply(
		await request.post(`/api/datasets/${id}/revert?lang=en`, {
			headers: { ...bearer(role), ...headers }
		})
	);
}

async function versions(request: APIRequestContext, role: Role = 'analyst'): Promise<Version[]> {
	const r = await reply<{ versions: Version[] }>(
		await request.get('/api/datasets?lang=en', { headers: bearer(role) })
	);
	expect(r.status).toBe(200);
	return r.body.versions;
}

interface QueryRow {
	region_code: string;
	year: number;
	value: number | null;
	status: string | null;
	sources: string | null;
}

async function query(
	request: APIRequestContext,
	indicator: string,
	regions: string[],
	from = 2018,
	to = 2025
): Promise<QueryRow[]> {
	const r = await reply<{ rows: QueryRow[] }>(
		await request.get(
			`/api/query?indicator=${indicator}&regions=${regions.join(',')}&from=${from}&to=${to}`
		)
	);
	expect(r.status).toBe(200);
	return r.body.rows;
}

async function figure(
	request: APIRequestContext,
	indicator: string,
	region: string,
	year: number
): Promise<QueryRow> {
	const [row] = await query(request, indicator, [region], year, year);
	if (!row) throw new Error(`no row for ${indicator} ${region} ${year}`);
	return row;
}

const OUR_REGIONS = ['12.72', '12.73', '63.71', '64.71', '73.71', '73.72', '73.73'];
const OUR_KINDS = ['koperasi', 'pembiayaan'];

/** What "nothing changed" compares: the version list of our datasets and several query answers. */
async function dataState(request: APIRequestContext) {
	const regions = [...OUR_REGIONS, '32.16', '32.75', '19.01', '32'];
	return {
		versions: (await versions(request)).filter((v) => OUR_KINDS.includes(v.kind)),
		koperasi: await query(request, 'jumlah_koperasi', regions),
		aktif: await query(request, 'koperasi_aktif', regions),
		anggota: await query(request, 'jumlah_anggota', regions),
		volume: await query(request, 'volume_usaha', regions),
		aset: await query(request, 'aset', regions)
	};
}

type DataState = Awaited<ReturnType<typeof dataState>>;

/** Undone uploads stay listed (with reverted_at); compare only the versions that existed before. */
function withoutNewVersions(now: DataState, before: DataState): DataState {
	return {
		...now,
		versions: now.versions.filter((v) => before.versions.some((b) => b.id === v.id))
	};
}

function csv(...lines: string[]): string {
	return `${lines.join('\n')}\n`;
}

const KOPERASI =
	'kode_wilayah,tahun,jenis_koperasi,jumlah_koperasi,koperasi_aktif,status_data,sumber';

/** Uploads that a test must undo, newest first, even when an assertion fails halfway. */
const undoAfterTest: number[] = [];
test.afterEach(async ({ request }) => {
	while (undoAfterTest.length) {
		const id = undoAfterTest.pop()!;
		await request.post(`/api/datasets/${id}/revert`, { headers: bearer('admin') });
	}
});

function stored(r: UploadReply): number {
	expect(r.status, r.text).toBe(201);
	const id = r.body.version!.id;
	undoAfterTest.push(id);
	return id;
}

function undone(id: number) {
	const i = undoAfterTest.indexOf(id);
	if (i >= 0) undoAfterTest.splice(i, 1);
}

// ---------------------------------------------------------------------------------------------

test.describe('who may change data: every mutating route × every role', () => {
	const VALID = csv(KOPERASI, '12.72,2020,semua,210,140,resmi,Dinas Koperasi Pematangsiantar');

	const uploadExpectations: Record<Role, number> = {
		anonymous: 401,
		viewer: 403,
		analyst: 201,
		admin: 201
	};
	for (const [role, status] of Object.entries(uploadExpectations) as [Role, number][]) {
		test(`POST /api/datasets as ${role} answers ${status}`, async ({ request }) => {
			const before = await dataState(request);
			const r = await upload(request, VALID, { role });
			expect(r.status, r.text).toBe(status);
			if (status === 201) {
				const id = stored(r);
				expect(r.body.version).toMatchObject({ kind: 'koperasi', by: ACCOUNT[role as 'analyst'] });
				expect((await figure(request, 'jumlah_koperasi', '12.72', 2020)).value).toBe(210);
				expect((await revert(request, id, role)).status).toBe(200);
				undone(id);
			} else {
				expect(r.body.message).toMatch(status === 401 ? /login|token/i : /role/i);
			}
			expect(withoutNewVersions(await dataState(request), before)).toEqual(before);
		});
	}

	const revertExpectations: Record<Role, number> = {
		anonymous: 401,
		viewer: 403,
		analyst: 200,
		admin: 200
	};
	for (const [role, status] of Object.entries(revertExpectations) as [Role, number][]) {
		test(`POST /api/datasets/{id}/revert as ${role} answers ${status}`, async ({ request }) => {
			const id = stored(await upload(request, VALID));
			const r = await revert(request, id, role);
			expect(r.status, r.text).toBe(status);
			const mine = (await versions(request)).find((v) => v.id === id)!;
			if (status === 200) {
				undone(id);
				expect(r.body.version).toMatchObject({ id, reverted_at: expect.any(String) });
				expect(mine.reverted_at).not.toBeNull();
				expect((await figure(request, 'jumlah_koperasi', '12.72', 2020)).value).toBeNull();
			} else {
				expect(mine.reverted_at).toBeNull();
				expect((await figure(request, 'jumlah_koperasi', '12.72', 2020)).value).toBe(210);
			}
		});
	}

	// Logging in and out needs no role: the login form is how a role is obtained, and ending
	// one's own session is always allowed. Both run as form actions (JSON with this Accept).
	for (const role of ['anonymous', 'viewer', 'analyst', 'admin'] as Role[]) {
		test(`POST /login is public: as ${role} it checks the password (wrong → failure 400, never 401/403)`, async ({
			request
		}) => {
			const r = await reply<{ type: string; status: number }>(
				await request.post('/login', {
					headers: { ...bearer(role), Accept: 'application/json' },
					form: { name: `tamu-${role}`, password: 'bukan-sandi-ini', next: '/' }
				})
			);
			expect(r.status).toBe(200);
			expect(r.body).toMatchObject({ type: 'failure', status: 400 });
		});

		test(`POST /logout is public: as ${role} it ends the session (if any) and redirects home`, async ({
			request
		}) => {
			const r = await reply<{ type: string; status: number; location: string }>(
				await request.post('/logout', {
					headers: { ...bearer(role), Accept: 'application/json' },
					form: {}
				})
			);
			expect(r.status).toBe(200);
			expect(r.body).toEqual({ type: 'redirect', status: 303, location: '/' });
		});
	}
});

// ---------------------------------------------------------------------------------------------

test.describe('an analyst uploading with an API token', () => {
	test('appends a file, sees the new figure, is refused the same file again, replaces, and undoes back to the exact previous figures', async ({
		request
	}) => {
		const before = await dataState(request);
		const FILE = csv(KOPERASI, '73.71,2024,semua,812,455,resmi,Dinas Koperasi Kota Makassar');

		const appended = await upload(request, FILE, { name: 'makassar-2024.csv' });
		const a = stored(appended);
		expect(appended.body).toMatchObject({
			version: {
				id: a,
				kind: 'koperasi',
				mode: 'append',
				file_name: 'makassar-2024.csv',
				rows: 1,
				by: 'analis',
				reverted_at: null
			},
			rows: 1,
			encoding: 'utf-8',
			delimiter: ',',
			changes: {
				added: 1,
				replaced: 0,
				by_region_year: [{ region_code: '73.71', year: 2024, added: 1, replaced: 0 }]
			}
		});
		expect(await figure(request, 'jumlah_koperasi', '73.71', 2024)).toMatchObject({
			value: 812,
			status: 'resmi',
			sources: 'Dinas Koperasi Kota Makassar'
		});
		expect((await figure(request, 'koperasi_aktif', '73.71', 2024)).value).toBe(455);
		// The health answer is kept per data version: an upload must show in it at once.
		const health = (await (await request.get('/api/health')).json()) as {
			datasets: { kind: string; latest: number }[];
		};
		expect(health.datasets.find((d) => d.kind === 'koperasi')?.latest).toBeGreaterThanOrEqual(a);
		const afterAppend = await dataState(request);

		await test.step('the same file again is refused, naming the line, column and stored version', async () => {
			const again = await upload(request, FILE);
			expect(again.status).toBe(422);
			expect(again.body.problem_count).toBe(2);
			expect(again.body.problems).toEqual([
				{
					line: 2,
					column: 'jumlah_koperasi',
					value: '812',
					message: `jumlah_koperasi for 73.71 in 2024 is already stored (version ${a}).`,
					fix: expect.stringContaining('replace')
				},
				{
					line: 2,
					column: 'koperasi_aktif',
					value: '455',
					message: `koperasi_aktif for 73.71 in 2024 is already stored (version ${a}).`,
					fix: expect.stringContaining('replace')
				}
			]);
			for (const p of again.body.problems!)
				expect(Object.keys(p).sort()).toEqual(['column', 'fix', 'line', 'message', 'value']);
			expect(await dataState(request)).toEqual(afterAppend);
		});

		const replaced =
			await test.step('a replace swaps exactly the region–years of the file', async () => {
				const r = await upload(
					request,
					csv(
						KOPERASI,
						'73.71,2024,semua,820,,resmi,Dinas Koperasi (koreksi)',
						'73.72,2024,semua,150,90,resmi,Dinas Koperasi Parepare'
					),
					{ mode: 'replace' }
				);
				const b = stored(r);
				expect(r.body.changes).toMatchObject({
					added: 2,
					replaced: 1,
					by_region_year: [
						{ region_code: '73.71', year: 2024, added: 1, replaced: 1 },
						{ region_code: '73.72', year: 2024, added: 1, replaced: 0 }
					]
				});
				expect((await figure(request, 'jumlah_koperasi', '73.71', 2024)).value).toBe(820);
				expect((await figure(request, 'koperasi_aktif', '73.71', 2024)).value).toBeNull();
				expect((await figure(request, 'jumlah_koperasi', '73.72', 2024)).value).toBe(150);
				const totals = await query(request, 'jumlah_koperasi', ['73.71', '73.72'], 2024, 2024);
				expect(totals.reduce((s, row) => s + (row.value ?? 0), 0)).toBe(970);
				return b;
			});

		await test.step('undoing the replace brings back the previous figures exactly', async () => {
			const r = await revert(request, replaced);
			expect(r.status, r.text).toBe(200);
			undone(replaced);
			const now = await dataState(request);
			expect({ ...now, versions: now.versions.filter((v) => v.id !== replaced) }).toEqual(
				afterAppend
			);
			expect(now.versions.find((v) => v.id === replaced)?.reverted_at).toEqual(expect.any(String));
		});

		await test.step('undoing an older upload while a later one is active is refused with the reason', async () => {
			const c = stored(
				await upload(
					request,
					csv(KOPERASI, '73.72,2023,semua,140,85,resmi,Dinas Koperasi Parepare')
				)
			);
			const state = await dataState(request);
			const r = await revert(request, a);
			expect(r.status).toBe(409);
			expect(r.body.message).toBe(
				`Later uploads of this dataset (version ${c}) build on it; undo the latest first.`
			);
			expect(await dataState(request)).toEqual(state);
			const listed = (await versions(request)).find((v) => v.id === a)!;
			expect(listed.can_revert).toBe(false);
			expect((await revert(request, c)).status).toBe(200);
			undone(c);
		});

		await test.step('undoing the append returns every figure to what it was before the test', async () => {
			expect((await revert(request, a)).status).toBe(200);
			undone(a);
			expect(withoutNewVersions(await dataState(request), before)).toEqual(before);
		});
	});

	test('a 4-row 2026 upload for the focus region leaves the summary on the year its cards have (issue 12, point 5)', async ({
		request
	}) => {
		// With the sample data shown: the cards' figures before 2026 are sintetis.
		const emptyCards = async () => {
			const html = await (await request.get('/?sintetis=tampilkan')).text();
			return {
				empty: html.match(/class="num num-empty"/g)?.length ?? 0,
				year: /data-testid="default-year"[^>]*>\s*Tahun (\d{4})/.exec(html)?.[1]
			};
		};
		expect(await emptyCards()).toEqual({ empty: 0, year: '2025' });
		const file = csv(
			KOPERASI,
			...['konsumen', 'produsen', 'jasa', 'simpan_pinjam'].map(
				(jenis, i) => `32.16,2026,${jenis},${100 + i},${80 + i},resmi,Dinas Koperasi Kab. Bekasi`
			)
		);
		stored(await upload(request, file, { name: 'bekasi-2026.csv' }));
		expect((await figure(request, 'koperasi_aktif', '32.16', 2026)).value).toBe(80 + 81 + 82 + 83);
		// the old default (the focus's newest year on any card) was 2026: 8 of 9 cards empty
		expect(await emptyCards()).toEqual({ empty: 0, year: '2025' });
	});

	test('cannot undo the bundled data (409 with the reason) nor a version that does not exist (404)', async ({
		request
	}) => {
		const bundled = (await versions(request)).find(
			(v) => v.kind === 'koperasi' && v.mode === 'bundled'
		)!;
		const before = await dataState(request);
		const r = await revert(request, bundled.id);
		expect(r.status).toBe(409);
		expect(r.body.message).toBe(
			'The bundled data cannot be undone; upload replacement data in "replace" mode.'
		);
		expect((await revert(request, 987654)).status).toBe(404);
		expect((await revert(request, 'abc' as unknown as number)).status).toBe(404);
		expect(await dataState(request)).toEqual(before);
	});

	test('replace with a one-fact file replaces that fact only; the dry run lists the changes per fact; undo restores the rest', async ({
		request
	}) => {
		const before = await dataState(request);
		const anggota = (await figure(request, 'jumlah_anggota', '64.71', 2019)).value;
		const first = stored(
			await upload(request, csv(KOPERASI, '64.71,2019,semua,300,200,resmi,Dinas A'), {
				mode: 'replace'
			})
		);
		const afterFirst = await dataState(request);
		const oneFact = csv(
			'kode_wilayah,tahun,jenis_koperasi,koperasi_aktif,status_data,sumber',
			'64.71,2019,semua,210,resmi,Dinas B'
		);

		const plan = await upload(request, oneFact, { mode: 'replace', dryRun: true });
		expect(plan.status).toBe(200);
		const byFact = (plan.body.changes as { by_fact?: { fact: string }[] }).by_fact ?? [];
		expect(byFact.find((f) => f.fact === 'koperasi_aktif')).toEqual({
			fact: 'koperasi_aktif',
			in_file: true,
			added: 0,
			changed: 1,
			cleared: 0,
			unchanged: 0,
			kept: 0
		});
		expect(byFact.find((f) => f.fact === 'jumlah_koperasi')).toMatchObject({
			in_file: false,
			kept: 1
		});
		expect(await dataState(request)).toEqual(afterFirst);

		const second = stored(await upload(request, oneFact, { mode: 'replace' }));
		expect((await figure(request, 'koperasi_aktif', '64.71', 2019)).value).toBe(210);
		expect(await figure(request, 'jumlah_koperasi', '64.71', 2019)).toMatchObject({
			value: 300,
			sources: 'Dinas A'
		});
		expect((await figure(request, 'jumlah_anggota', '64.71', 2019)).value).toBe(anggota);

		expect((await revert(request, second)).status).toBe(200);
		undone(second);
		expect(withoutNewVersions(await dataState(request), afterFirst)).toEqual(afterFirst);
		expect((await revert(request, first)).status).toBe(200);
		undone(first);
		expect(withoutNewVersions(await dataState(request), before)).toEqual(before);
	});

	test('can preview an upload with dry_run: the planned changes come back and nothing is stored', async ({
		request
	}) => {
		const before = await dataState(request);
		const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			dryRun: true
		});
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({
			dry_run: true,
			rows: 1,
			changes: {
				added: 1,
				replaced: 0,
				by_region_year: [{ region_code: '73.73', year: 2024, added: 1, replaced: 0 }]
			}
		});
		expect(await dataState(request)).toEqual(before);
	});
});

// ---------------------------------------------------------------------------------------------

test.describe('files as publishers make them, through the form fields', () => {
	for (const word of ['on', 'true', 'yes', 'TRUE']) {
		test(`dry_run=${word} (what checkboxes and scripts send) is a dry run: nothing is stored`, async ({
			request
		}) => {
			const before = await dataState(request);
			const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
				fields: { dry_run: word }
			});
			expect(r.status, r.text).toBe(200);
			expect(r.body).toMatchObject({ dry_run: true, rows: 1 });
			expect(await dataState(request)).toEqual(before);
		});
	}

	test('an unknown dry_run value is refused with 400 and nothing is stored', async ({
		request
	}) => {
		const before = await dataState(request);
		const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			fields: { dry_run: 'perhaps' }
		});
		expect(r.status).toBe(400);
		expect(r.body.message).toContain('dry_run');
		expect(await dataState(request)).toEqual(before);
	});

	test('a snapshot export with names in capitals loads given columns, status, source and year, then undoes', async ({
		request
	}) => {
		const before = await dataState(request);
		const file = csv(
			'province,district,cooperatives,accounts_count',
			'SULAWESI SELATAN,KOTA MAKASSAR,153,150',
			'SULAWESI SELATAN,KOTA PAREPARE,22,22'
		);
		const fields = {
			columns: JSON.stringify({ province: null, accounts_count: null }),
			status: 'resmi',
			source: 'SIMKOPDES, ekspor uji',
			year: '2025'
		};
		const id = stored(await upload(request, file, { fields }));
		expect(await figure(request, 'jumlah_koperasi', '73.71', 2025)).toMatchObject({
			value: 153,
			status: 'resmi',
			sources: 'SIMKOPDES, ekspor uji'
		});
		expect((await revert(request, id)).status).toBe(200);
		undone(id);
		expect(withoutNewVersions(await dataState(request), before)).toEqual(before);
	});

	test('without the mapping of its extra column the same file is refused, naming the column and the field', async ({
		request
	}) => {
		const before = await dataState(request);
		const r = await upload(
			request,
			csv('district,cooperatives,accounts_count', 'KOTA MAKASSAR,153,150'),
			{ fields: { status: 'resmi', source: 'SIMKOPDES', year: '2025' } }
		);
		expect(r.status).toBe(422);
		expect(r.body.problems).toMatchObject([{ line: 1, column: 'accounts_count' }]);
		expect(r.body.problems![0]!.fix).toContain('"columns" field');
		expect(await dataState(request)).toEqual(before);
	});

	test('quarters where a year belongs: grouped problems name the quarter, never a range', async ({
		request
	}) => {
		const before = await dataState(request);
		const lines = ['KABUPATEN / KOTA,PERIODE,volume_usaha'];
		for (const region of ['Kota Makassar', 'Kota Parepare', 'Kota Palopo'])
			for (const q of [1, 2, 3]) lines.push(`${region},2024-Q${q},100`);
		const r = await upload(request, csv(...lines), {
			kind: 'pembiayaan',
			fields: { status: 'resmi', source: 'Dinas' }
		});
		expect(r.status).toBe(422);
		const body = r.body as { groups?: { count: number; message: string; lines: number[] }[] };
		expect(body.groups).toHaveLength(1);
		expect(body.groups![0]).toMatchObject({ count: 3, lines: [4, 7, 10] });
		expect(body.groups![0]!.message).toMatch(/^"2024-Q3" is a quarter, not a year; /);
		expect(r.text).not.toMatch(/outside \d{4}/);
		expect(await dataState(request)).toEqual(before);
	});

	test('a file of thousands of equal problems: the answer keeps 1,000, groups them all, and streams every one as CSV on request', async ({
		request
	}) => {
		const lines = [KOPERASI];
		for (let i = 0; i < 3000; i++)
			lines.push(`73.73,2O${String(i % 100).padStart(2, '0')},semua,1,1,resmi,x`);
		const json = await upload(request, csv(...lines));
		expect(json.status).toBe(422);
		expect(json.body.problem_count).toBe(3000);
		expect(json.body.problems).toHaveLength(1000);
		const groups = (json.body as { groups?: { count: number; lines: number[] }[] }).groups;
		expect(groups).toEqual([expect.objectContaining({ count: 3000, lines: [2, 3, 4, 5, 6] })]);

		const response = await request.post('/api/datasets?lang=en', {
			headers: { ...bearer('analyst'), Accept: 'text/csv' },
			multipart: {
				file: { name: 'banyak.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(...lines)) },
				kind: 'koperasi'
			}
		});
		expect(response.status()).toBe(422);
		expect(response.headers()['content-type']).toContain('text/csv');
		expect(response.headers()['content-disposition']).toContain('banyak-problems.csv');
		const rows = (await response.text()).split('\r\n').filter(Boolean);
		expect(rows[0]).toBe('line,column,value,problem,fix');
		expect(rows).toHaveLength(3001);
		expect(rows[3000]).toBe(
			`3001,tahun,2O99,"""2O99"" is not a year.",${JSON.stringify(json.body.problems![0]!.fix)}`
		);
		// The streamed report is a CSV export like any other: a formula in a cell stays text.
		const hostile = await request.post('/api/datasets', {
			headers: { ...bearer('analyst'), Accept: 'text/csv' },
			multipart: {
				file: {
					name: 'rumus.csv',
					mimeType: 'text/csv',
					buffer: Buffer.from(csv(KOPERASI, '=1+2;x,2024,semua,1,1,resmi,x'))
				},
				kind: 'koperasi'
			}
		});
		expect(hostile.status()).toBe(422);
		const report = await hostile.text();
		expect(report).toContain(`"'=1+2;x"`);
		expect(report).not.toMatch(/(^|[,;])=1\+2/m);
	});

	test('columns, status and year that cannot be read are refused with 400', async ({ request }) => {
		const file = csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas');
		const unreadable: Record<string, string>[] = [
			{ columns: '["kode_wilayah"]' },
			{ columns: '{"x": 5}' },
			{ status: 'final' },
			{ year: '2O24' },
			{ periods: 'average' }
		];
		for (const fields of unreadable) {
			const r = await upload(request, file, { fields });
			expect(r.status, JSON.stringify(fields)).toBe(400);
		}
	});
});

// ---------------------------------------------------------------------------------------------

interface BadInput {
	what: string;
	lines: string[];
	kind?: string;
	problems: { line: number; column: string; value?: string; says: (string | RegExp)[] }[];
}

const BAD_INPUTS: BadInput[] = [
	{
		what: 'an unknown region code',
		lines: [KOPERASI, '73.71,2022,semua,10,5,resmi,Dinas', '99.99,2022,semua,10,5,resmi,Dinas'],
		problems: [{ line: 3, column: 'kode_wilayah', value: '99.99', says: ['"99.99"', /not known/] }]
	},
	{
		what: 'the ambiguous name "Bekasi"',
		lines: [KOPERASI, 'Bekasi,2022,semua,10,5,resmi,Dinas'],
		problems: [
			{
				line: 2,
				column: 'kode_wilayah',
				value: 'Bekasi',
				says: ['Kabupaten Bekasi (32.16)', 'Kota Bekasi (32.75)']
			}
		]
	},
	{
		what: 'a year out of range',
		lines: [KOPERASI, '73.71,1999,semua,10,5,resmi,Dinas', '73.71,2099,semua,10,5,resmi,Dinas'],
		problems: [
			{ line: 2, column: 'tahun', value: '1999', says: ['1999', /2000/] },
			{ line: 3, column: 'tahun', value: '2099', says: ['2099'] }
		]
	},
	{
		what: 'a negative count',
		lines: [KOPERASI, '73.71,2022,semua,-5,,resmi,Dinas'],
		problems: [{ line: 2, column: 'jumlah_koperasi', value: '-5', says: [/negative/] }]
	},
	{
		what: 'koperasi_aktif larger than jumlah_koperasi',
		lines: [KOPERASI, '73.71,2022,semua,5,6,resmi,Dinas'],
		problems: [
			{ line: 2, column: 'koperasi_aktif', value: '6', says: ['koperasi_aktif', 'jumlah_koperasi'] }
		]
	},
	{
		what: 'text in a number column',
		lines: [KOPERASI, '73.71,2022,semua,lima,,resmi,Dinas'],
		problems: [
			{ line: 2, column: 'jumlah_koperasi', value: 'lima', says: ['"lima"', /not a number/] }
		]
	},
	{
		what: 'the same key twice in the file',
		lines: [KOPERASI, '73.71,2022,semua,10,,resmi,Dinas', '73.71,2022,semua,11,,resmi,BPS'],
		problems: [{ line: 3, column: 'jumlah_koperasi', value: '11', says: ['line 2'] }]
	},
	{
		what: 'per-cooperative and whole-region rows mixed',
		lines: [
			'kode_wilayah,tahun,id_koperasi,nama_koperasi,jumlah_anggota,status_data,sumber',
			'73.71,2022,,,500,resmi,Dinas',
			'73.71,2022,K-0001,Koperasi Maju,120,resmi,Register'
		],
		problems: [{ line: 3, column: 'id_koperasi', says: [/mixed/, 'line 2'] }]
	},
	{
		// Rupiah: 12.345 may be twelve thousand or twelve and a bit. (A count could only be the
		// former, so a count column is not asked about.)
		what: 'a number column whose format is ambiguous (12.345)',
		kind: 'pembiayaan',
		lines: [
			'kode_wilayah,tahun,aset,status_data,sumber',
			'73.71,2022,12.345,resmi,Dinas',
			'73.72,2022,1.234,resmi,Dinas'
		],
		problems: [{ line: 1, column: 'aset', value: '12.345', says: [/unclear/, /Indonesian/] }]
	}
];

test.describe('a bad file is refused with its line, column and a fix, and nothing changes', () => {
	for (const bad of BAD_INPUTS) {
		test(`refuses ${bad.what}`, async ({ request }) => {
			const before = await dataState(request);
			const r = await upload(request, csv(...bad.lines), { kind: bad.kind });
			expect(r.status, r.text).toBe(422);
			expect(r.body.message).toMatch(/nothing was stored/);
			expect(r.body.problem_count).toBe(bad.problems.length);
			expect(r.body.problems).toHaveLength(bad.problems.length);
			bad.problems.forEach((want, i) => {
				const got = r.body.problems![i]!;
				expect(got).toMatchObject({ line: want.line, column: want.column });
				if (want.value !== undefined) expect(got.value).toBe(want.value);
				for (const phrase of want.says) {
					if (typeof phrase === 'string') expect(got.message).toContain(phrase);
					else expect(got.message).toMatch(phrase);
				}
				expect(got.fix.length).toBeGreaterThan(10);
			});
			expect(await dataState(request)).toEqual(before);
		});
	}

	test('accepts the ambiguous column once `conventions` says it is Indonesian (12.345 = twelve thousand)', async ({
		request
	}) => {
		const lines = BAD_INPUTS.find((b) => b.what.startsWith('a number column'))!.lines;
		const r = await upload(request, csv(...lines), {
			kind: 'pembiayaan',
			conventions: { aset: 'id' }
		});
		stored(r);
		expect((await figure(request, 'aset', '73.71', 2022)).value).toBe(12345);
		expect((await figure(request, 'aset', '73.72', 2022)).value).toBe(1234);
	});
});

test.describe('files as spreadsheets really save them', () => {
	test('reads an Indonesian Excel export (BOM, `;`, CRLF, 1.234,5, a "Rp juta" header) into full Rupiah', async ({
		request
	}) => {
		const text =
			'\ufeffkode_wilayah;tahun;volume_usaha (Rp juta);aset (Rp juta);status_data;sumber\r\n' +
			'64.71;2024;1.234,5;12.345.678,9;resmi;Dinas Koperasi Balikpapan\r\n' +
			'64.71;2023;987,25;-;estimasi;Dinas Koperasi Balikpapan\r\n';
		const r = await upload(request, Buffer.from(text, 'utf8'), {
			kind: 'pembiayaan',
			name: 'pembiayaan balikpapan.csv'
		});
		stored(r);
		expect(r.body).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', rows: 2 });
		expect((await figure(request, 'volume_usaha', '64.71', 2024)).value).toBe(1_234_500_000);
		expect((await figure(request, 'aset', '64.71', 2024)).value).toBe(12_345_678_900_000);
		expect((await figure(request, 'volume_usaha', '64.71', 2023)).value).toBe(987_250_000);
		expect((await figure(request, 'aset', '64.71', 2023)).value).toBeNull();
	});

	test('reads a Windows-1252 file: é and – in the source come back as the same characters', async ({
		request
	}) => {
		const source = 'Dinas Koperasi Kota Banjarmasin – Laporan Café 2024';
		const bytes = Buffer.concat([
			Buffer.from(
				`${KOPERASI}\r\n63.71,2024,semua,640,410,resmi,Dinas Koperasi Kota Banjarmasin `,
				'latin1'
			),
			Buffer.from([0x96]),
			Buffer.from(' Laporan Caf', 'latin1'),
			Buffer.from([0xe9]),
			Buffer.from(' 2024\r\n', 'latin1')
		]);
		const r = await upload(request, bytes);
		stored(r);
		expect(r.body.encoding).toBe('windows-1252');
		const row = await figure(request, 'jumlah_koperasi', '63.71', 2024);
		expect(row.value).toBe(640);
		expect(row.sources).toBe(source);
	});
});

// ---------------------------------------------------------------------------------------------

/** The server process, found by the temp database it was started on. */
function serverPid(): string | null {
	const marker = `DATABASE_PATH=${testCredentials().databaseDir}`;
	for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			if (
				fs
					.readFileSync(`/proc/${pid}/environ`, 'utf8')
					.split('\0')
					.some((e) => e.startsWith(marker))
			) {
				if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('build')) return pid;
			}
		} catch {
			// processes of other users, or ones that ended meanwhile
		}
	}
	return null;
}

function memory(pid: string | null): string {
	if (!pid) return 'server pid not found';
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name: string) =>
		Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024);
	return `RSS ${kb('VmRSS')} MiB (peak ${kb('VmHWM')} MiB)`;
}

/** Node's fetch: Playwright refuses multipart buffers over 50 MB. */
async function fetchUpload(
	baseURL: string,
	size: number,
	fill: (bytes: Uint8Array) => void = (b) => b.fill(0x41)
): Promise<Reply<{ message?: string; rows?: number; dry_run?: boolean }>> {
	const bytes = new Uint8Array(size);
	fill(bytes);
	const form = new FormData();
	form.set('kind', 'koperasi');
	form.set('dry_run', '1');
	form.set('file', new Blob([bytes]), 'besar.csv');
	const response = await fetch(`${baseURL}/api/datasets?lang=en`, {
		method: 'POST',
		headers: bearer('analyst'),
		body: form
	});
	return reply({ status: () => response.status, text: () => response.text() });
}

/** A raw request: a declared Content-Length, or chunked with none. */
function rawUpload(baseURL: string, total: number, chunked: boolean): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const head = Buffer.from(
			'--grens\r\nContent-Disposition: form-data; name="kind"\r\n\r\nkoperasi\r\n' +
				'--grens\r\nContent-Disposition: form-data; name="file"; filename="besar.csv"\r\nContent-Type: text/csv\r\n\r\n'
		);
		const tail = Buffer.from('\r\n--grens--\r\n');
		const headers: Record<string, string> = {
			...bearer('analyst'),
			'Content-Type': 'multipart/form-data; boundary=grens'
		};
		if (!chunked) headers['Content-Length'] = String(head.length + total + tail.length);
		const req = http.request(
			`${baseURL}/api/datasets?lang=en`,
			{ method: 'POST', headers },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					reply<Record<string, unknown>>({
						status: () => res.statusCode ?? 0,
						text: async () => text
					}).then(resolve, reject);
				});
			}
		);
		// The server may answer and close before the whole body is sent.
		req.on('error', (error: NodeJS.ErrnoException) =>
			error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)
		);
		req.write(head);
		const chunk = Buffer.alloc(MIB, 0x41);
		let sent = 0;
		const pump = () => {
			while (sent < total && !req.destroyed) {
				const part = Math.min(chunk.length, total - sent);
				sent += part;
				if (!req.write(part === chunk.length ? chunk : chunk.subarray(0, part))) {
					req.once('drain', pump);
					return;
				}
			}
			req.end(tail);
		};
		pump();
	});
}

test.describe('files that are not CSV, and files that are too large', () => {
	const NOT_TEXT: [string, Buffer, string][] = [
		[
			'a PNG renamed .csv',
			Buffer.concat([
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
				Buffer.from(`${KOPERASI}\n`)
			]),
			'data.csv'
		],
		['a PDF renamed .csv', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'laporan.csv'],
		[
			'an xlsx (zip) renamed .csv',
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
			'koperasi.csv'
		],
		[
			'an HTML file',
			Buffer.from(
				'<!DOCTYPE html>\n<html><body><table><tr><td>32.16</td></tr></table></body></html>\n'
			),
			'tabel.csv'
		],
		['a JSON file', Buffer.from('[{"kode_wilayah":"73.71","tahun":2022}]'), 'data.csv']
	];
	for (const [what, bytes, name] of NOT_TEXT) {
		test(`refuses ${what} with 415 and stores nothing`, async ({ request }) => {
			const before = await dataState(request);
			const r = await upload(request, bytes, { name, mimeType: 'text/csv' });
			expect(r.status).toBe(415);
			expect(r.body.message).toBe(
				'The file is not a text CSV (perhaps Excel, PDF or an image). Save it as CSV and upload again.'
			);
			expect(await dataState(request)).toEqual(before);
		});
	}

	test('accepts a valid CSV sent with a misleading Content-Type: the content decides, not the header', async ({
		request
	}) => {
		const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			mimeType: 'image/png',
			dryRun: true
		});
		expect(r.status).toBe(200);
	});

	test('refuses a body that is not multipart/form-data with 415', async ({ request }) => {
		const before = await dataState(request);
		for (const [contentType, data] of [
			['application/json', JSON.stringify({ kind: 'koperasi', file: KOPERASI })],
			['text/csv', csv(KOPERASI, '73.71,2022,semua,10,5,resmi,Dinas')],
			['application/x-www-form-urlencoded', 'kind=koperasi&file=x']
		]) {
			const r = await reply<{ message: string }>(
				await request.post('/api/datasets?lang=en', {
					headers: { ...bearer('analyst'), 'Content-Type': contentType! },
					data
				})
			);
			expect(r.status, contentType).toBe(415);
			expect(r.body.message).toBe('Send multipart/form-data with a "file" field.');
		}
		expect(await dataState(request)).toEqual(before);
	});

	test('refuses a broken multipart body with 400, not a server error', async ({ request }) => {
		const r = await reply<{ message: string }>(
			await request.post('/api/datasets?lang=en', {
				headers: {
					...bearer('analyst'),
					'Content-Type': 'multipart/form-data; boundary=tidak-ada'
				},
				data: 'ini bukan multipart'
			})
		);
		expect(r.status).toBe(400);
		expect(r.body.message).toBe('The upload form cannot be read.');
	});

	test('refuses more than 50 MiB with 413 (declared, counted, and streamed without a length) and stays healthy', async ({
		request,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const before = await dataState(request);
		const pid = serverPid();
		const memoryBefore = memory(pid);
		const message = 'The file exceeds the 50 MB limit. Split it by year or region.';

		const justOver = await whileServerIsBusy(() => fetchUpload(baseURL!, 50 * MIB + 1));
		expect(justOver.status).toBe(413);
		expect(justOver.body.message).toBe(message);

		const declared = await whileServerIsBusy(() => rawUpload(baseURL!, 60 * MIB, false));
		expect(declared.status).toBe(413);

		const streamed = await whileServerIsBusy(() => rawUpload(baseURL!, 200 * MIB, true));
		expect(streamed.status, streamed.text).toBe(413);
		expect(streamed.body.message).toBe(message);

		const health = await reply<{ status: string }>(await request.get('/api/health'));
		expect(health.body.status).toBe('ok');
		expect(await dataState(request)).toEqual(before);
		const observed = `server ${pid ?? '?'}: before ${memoryBefore}; after 50 MiB+1, 60 MiB and 200 MiB chunked: ${memory(pid)}`;
		test.info().annotations.push({ type: 'memory', description: observed });
		console.log(`memory: ${observed}`);
	});

	test('does not refuse a valid koperasi file of 50 MiB minus 1 KiB for its size (dry run)', async ({
		request,
		baseURL
	}) => {
		test.setTimeout(180_000);
		const before = await dataState(request);
		const pid = serverPid();
		const memoryBefore = memory(pid);
		const header =
			'kode_wilayah,tahun,id_koperasi,nama_koperasi,jumlah_anggota,status_data,sumber\n';
		const target = 50 * MIB - 1024;
		let rows = 0;
		const r = await whileServerIsBusy(() =>
			fetchUpload(baseURL!, target, (bytes) => {
				const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
				let at = buffer.write(header, 0, 'latin1');
				for (;;) {
					const line = `73.73,2022,K-${String(rows).padStart(7, '0')},Koperasi Uji ${rows},${(rows * 7) % 500},sintetis,Uji besar\n`;
					if (at + line.length > target) break;
					at += buffer.write(line, at, 'latin1');
					rows += 1;
				}
				bytes.fill(0x20, at, target - 1);
				bytes[target - 1] = 0x0a;
			})
		);
		expect(r.status, r.text.slice(0, 500)).not.toBe(413);
		expect(r.status, r.text.slice(0, 500)).toBe(200);
		expect(r.body).toMatchObject({ dry_run: true, rows });
		expect(await dataState(request)).toEqual(before);
		const observed = `server ${pid ?? '?'}: before ${memoryBefore}; after a ${rows}-row 50 MiB dry run: ${memory(pid)}`;
		test.info().annotations.push({ type: 'memory', description: observed });
		console.log(`memory: ${observed}`);
	});

	test('answers a huge single-cell file without echoing it back whole', async ({ baseURL }) => {
		test.setTimeout(120_000);
		const r = await whileServerIsBusy(() => fetchUpload(baseURL!, 20 * MIB));
		expect(r.status).toBe(422);
		expect(r.text.length).toBeLessThan(64 * 1024);
	});
});

// ---------------------------------------------------------------------------------------------

interface Session {
	cookie: string;
	setCookie: string;
}

async function logIn(
	request: APIRequestContext,
	baseURL: string,
	name: string,
	password: string
): Promise<Session> {
	const response = await request.post('/login', {
		headers: { Origin: baseURL, Accept: 'application/json' },
		form: { name, password, next: '/' }
	});
	const r = await reply<{ type: string; location: string }>(response);
	expect(r.body, r.text).toEqual({ type: 'redirect', status: 303, location: '/' });
	// Login also sets the browser's own id (peramban, see auth.spec.ts): take the session's line.
	const setCookie =
		response
			.headersArray()
			.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('sesi='))?.value ??
		'';
	const cookie = /^(sesi=[^;]+)/.exec(setCookie)?.[1];
	if (!cookie) throw new Error(`no session cookie in ${setCookie}`);
	return { cookie, setCookie };
}

test.describe('browser sessions and cross-site requests', () => {
	test('the session cookie is HttpOnly and SameSite=Strict, and a same-origin upload with it works', async ({
		request,
		baseURL
	}) => {
		const { analis } = testCredentials().users;
		const session = await logIn(request, baseURL!, 'analis', analis.password);
		expect(session.setCookie).toMatch(/;\s*HttpOnly/i);
		expect(session.setCookie).toMatch(/;\s*SameSite=Strict/i);
		expect(session.setCookie).toMatch(/;\s*Path=\//i);
		const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			role: 'anonymous',
			dryRun: true,
			headers: { Cookie: session.cookie, Origin: baseURL!, 'Sec-Fetch-Site': 'same-origin' }
		});
		expect(r.status, r.text).toBe(200);
	});

	test('refuses a cross-site form POST carrying the analyst session cookie (403), on every mutating route', async ({
		request,
		baseURL
	}) => {
		const { analis } = testCredentials().users;
		const session = await logIn(request, baseURL!, 'analis', analis.password);
		const before = await dataState(request);
		const bundled = before.versions.find((v) => v.kind === 'koperasi')!;
		const forged: [string, Record<string, string>][] = [
			['a foreign Origin', { Origin: 'http://evil.example' }],
			['Sec-Fetch-Site: cross-site and no Origin', { 'Sec-Fetch-Site': 'cross-site' }],
			['no Origin at all', {}]
		];
		for (const [what, headers] of forged) {
			const asCookie = { Cookie: session.cookie, ...headers };
			const up = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
				role: 'anonymous',
				headers: asCookie
			});
			expect(up.status, `upload with ${what}`).toBe(403);
			expect(up.body.message).toMatch(/Permintaan dari situs lain ditolak|Cross-site/);
			expect(
				(await revert(request, bundled.id, 'anonymous', asCookie)).status,
				`revert with ${what}`
			).toBe(403);
			const out = await request.post('/logout', {
				headers: { ...asCookie, Accept: 'application/json' },
				form: {}
			});
			expect(out.status(), `logout with ${what}`).toBe(403);
		}
		// The forged logouts did not end the session: it still uploads from our own origin.
		const still = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			role: 'anonymous',
			dryRun: true,
			headers: { Cookie: session.cookie, Origin: baseURL! }
		});
		expect(still.status).toBe(200);
		expect(await dataState(request)).toEqual(before);
	});

	test('refuses a token request from a foreign Origin too, but allows a curl-style token POST with no Origin', async ({
		request
	}) => {
		const file = csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas');
		const foreign = await upload(request, file, {
			dryRun: true,
			headers: { Origin: 'http://evil.example' }
		});
		expect(foreign.status).toBe(403);
		const curl = await upload(request, file, {
			dryRun: true,
			headers: { 'User-Agent': 'curl/8.5.0' }
		});
		expect(curl.status).toBe(200);
	});

	test('logging out ends the session on the server: the old cookie no longer uploads', async ({
		request,
		baseURL
	}) => {
		const { analis } = testCredentials().users;
		const session = await logIn(request, baseURL!, 'analis', analis.password);
		const out = await reply<{ type: string }>(
			await request.post('/logout', {
				headers: { Cookie: session.cookie, Origin: baseURL!, Accept: 'application/json' },
				form: {}
			})
		);
		expect(out.body).toMatchObject({ type: 'redirect', location: '/' });
		const r = await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
			role: 'anonymous',
			dryRun: true,
			headers: { Cookie: session.cookie, Origin: baseURL! }
		});
		expect(r.status).toBe(401);
	});

	test('a browser posting the login form (Accept: text/html) with a wrong password gets 400, not a server error', async ({
		request,
		baseURL
	}) => {
		const r = await reply(
			await request.post('/login', {
				headers: { Origin: baseURL!, Accept: 'text/html' },
				form: { name: 'tamu-html', password: 'salah-sekali', next: '/' }
			})
		);
		expect(r.status).toBe(400);
	});
});

test.describe('login failures', () => {
	test('a wrong password and an unknown user get the same generic answer', async ({
		request,
		baseURL
	}) => {
		const attempt = async (name: string) =>
			reply<{ type: string; status: number; data: string }>(
				await request.post('/login', {
					headers: { Origin: baseURL!, Accept: 'application/json' },
					form: { name, password: 'salah-sekali-123', next: '/' }
				})
			);
		const wrongPassword = await attempt('analis');
		const unknownUser = await attempt('tidak-ada-orang');
		expect(wrongPassword.status).toBe(unknownUser.status);
		expect(wrongPassword.body).toMatchObject({ type: 'failure', status: 400 });
		expect(wrongPassword.text.replace('analis', 'NAME')).toBe(
			unknownUser.text.replace('tidak-ada-orang', 'NAME')
		);
		expect(wrongPassword.text).toContain('invalid');
		expect(wrongPassword.text).not.toMatch(/password|sandi|unknown|tidak ada/i);
	});

	test('the 6th and later failures for one account are throttled (429), even with the right password', async ({
		request,
		baseURL
	}) => {
		// Uses the admin account: no other spec signs in as admin, and tokens are not throttled.
		const attempt = async (password: string) =>
			reply<{ type: string; status: number; data: string }>(
				await request.post('/login', {
					headers: { Origin: baseURL!, Accept: 'application/json' },
					form: { name: 'admin', password, next: '/' }
				})
			);
		for (let i = 1; i <= 5; i++)
			expect((await attempt(`salah-${i}-xxxxxx`)).body.status, `attempt ${i}`).toBe(400);
		const sixth = await attempt('salah-6-xxxxxx');
		expect(sixth.body).toMatchObject({ type: 'failure', status: 429 });
		expect(sixth.text).toContain('throttled');
		const right = await attempt(testCredentials().users.admin.password);
		expect(right.body).toMatchObject({ type: 'failure', status: 429 });
		expect(
			(
				await upload(request, csv(KOPERASI, '73.73,2024,semua,99,60,resmi,Dinas'), {
					role: 'admin',
					dryRun: true
				})
			).status
		).toBe(200);
	});
});

test.describe('error responses', () => {
	test('never show a stack trace, SQL or the database engine, whatever goes wrong', async ({
		request
	}) => {
		const probes = [
			request.get('/api/query?indicator=tidak_ada&regions=32.16'),
			request.get("/api/query?indicator=jumlah_koperasi&regions=32.16'--"),
			request.get('/api/query?indicator=jumlah_koperasi&regions=32.16&from=abcd'),
			request.get('/api/query?indicator=jumlah_koperasi&regions=32.16&drop=table'),
			request.get('/halaman-yang-tidak-ada'),
			request.post('/api/datasets/999999999/revert', { headers: bearer('analyst') }),
			request.post('/api/datasets', {
				headers: bearer('analyst'),
				multipart: {
					kind: "koperasi'; DROP TABLE koperasi; --",
					file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(`${KOPERASI}\n`) }
				}
			}),
			request.post('/api/datasets', {
				headers: bearer('analyst'),
				multipart: {
					kind: 'koperasi',
					mode: 'hapus',
					file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(`${KOPERASI}\n`) }
				}
			}),
			request.post('/api/datasets', {
				headers: bearer('analyst'),
				multipart: {
					kind: 'koperasi',
					conventions: '{bukan json',
					file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(`${KOPERASI}\n`) }
				}
			}),
			request.post('/api/datasets', { headers: bearer('analyst'), multipart: { kind: 'koperasi' } })
		];
		const statuses: number[] = [];
		for (const probe of probes) statuses.push((await reply(await probe)).status);
		expect(statuses).toEqual([400, 400, 400, 400, 404, 404, 400, 400, 400, 400]);
	});
});
