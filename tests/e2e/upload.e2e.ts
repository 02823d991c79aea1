/**
 * The analyst's upload, as a person does it in the browser: log in, pick an Excel export, read
 * what the page detected, store it, see the figure change, undo it from the history page. A bad
 * file shows every problem with its line and changes nothing; a viewer cannot upload at all.
 *
 * Writes only koperasi rows of provinces 33, 34 and 35 for 2024 (replace mode, so the bundled
 * figures step aside) and of the kab/kota of Jawa Timur (35.xx, which the bundled data leaves
 * empty), and undoes each upload before the file ends. The tests run in order: an undo needs the
 * stored version, and a later upload of the dataset would block the earlier one's undo.
 */
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import { hydrated, openHydrated } from './helpers';

const FIXTURES = 'tests/fixtures';
const EXCEL = `${FIXTURES}/koperasi-excel-id.csv`;
const BAD = `${FIXTURES}/koperasi-bad.csv`;
const AMBIGUOUS = `${FIXTURES}/pembiayaan-ambiguous.csv`;
const JATIM = `${FIXTURES}/jatim-koperasi-kabkota.csv`;

interface Version {
	id: number;
	kind: string;
	file_name: string | null;
	reverted_at: string | null;
	can_revert: boolean;
}

async function members(request: APIRequestContext, region: string): Promise<number | null> {
	const params = new URLSearchParams({
		indicator: 'jumlah_anggota',
		regions: region,
		from: '2024',
		to: '2024',
		format: 'json'
	});
	const response = await request.get(`/api/query?${params}`);
	expect(response.ok(), await response.text()).toBe(true);
	const { rows } = (await response.json()) as { rows: { year: number; value: number | null }[] };
	return rows.find((r) => r.year === 2024)?.value ?? null;
}

async function versions(request: APIRequestContext): Promise<Version[]> {
	const response = await request.get('/api/datasets');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { versions: Version[] }).versions;
}

/** Logs in through the login page, as a person would. */
async function logIn(page: Page, account: 'analis' | 'pemirsa', next = '/data') {
	const { password } = testCredentials().users[account];
	await openHydrated(page, `/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Nama pengguna').fill(account);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname === next);
	await hydrated(page);
}

test.describe.configure({ mode: 'serial' });

let before: { jateng: number | null; versionIds: number[] };
let storedVersion: number;

test('the login page: generic error, throttling with the wait, and who is logged in', async ({
	page
}) => {
	await openHydrated(page, '/login');
	await page.getByLabel('Nama pengguna').fill('tamu-e2e');
	await page.getByLabel('Kata sandi').fill('salah');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByTestId('login-error')).toHaveText('Nama pengguna atau kata sandi salah.');
	await expect(page.getByTestId('login-error')).toBeFocused();
	await expect(page.getByLabel('Nama pengguna')).toHaveValue('tamu-e2e');
	// The page empties the password after a failure; waiting for that keeps the attempts apart.
	await expect(page.getByLabel('Kata sandi')).toHaveValue('');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('Kata sandi').fill('salah');
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByLabel('Kata sandi')).toHaveValue('');
	}
	await expect(page.getByTestId('login-error')).toHaveText(
		/Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ detik\./
	);

	await logIn(page, 'analis', '/data/riwayat');
	await page.goto('/login?lang=en');
	await expect(page.getByTestId('logged-in-as')).toHaveText(
		'You are logged in as analis (analyst).'
	);
	await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Log out (analis)' })).toBeVisible();
});

test('an analyst uploads an Indonesian Excel export, reads what was detected and stores it', async ({
	page
}) => {
	before = {
		jateng: await members(page.request, '33'),
		versionIds: (await versions(page.request)).map((v) => v.id)
	};
	expect(before.jateng).not.toBeNull();
	expect(before.jateng).not.toBe(2_451_330);

	await logIn(page, 'analis');
	await page.getByLabel('Berkas CSV').setInputFiles(EXCEL);

	const review = page.getByRole('heading', { name: '2. Periksa isi berkas' });
	await expect(review).toBeFocused();
	await expect(page.getByTestId('detected-encoding')).toHaveText('UTF-8 dengan BOM (ekspor Excel)');
	await expect(page.getByTestId('detected-delimiter')).toHaveText('titik koma (;)');
	await expect(page.getByTestId('detected-rows')).toHaveText('3');
	await expect(page.getByLabel('Jenis data')).toHaveValue('koperasi');
	await expect(page.getByLabel('Kolom tujuan untuk “Jumlah Anggota”')).toHaveValue(
		'jumlah_anggota'
	);
	await expect(page.getByLabel('Kolom tujuan untuk “Nama Wilayah”')).toHaveValue('');
	const columns = page.getByRole('table', { name: /Setiap kolom berkas/ });
	const anggota = columns.getByRole('row', { name: /Jumlah Anggota/ });
	await expect(anggota).toContainText('Indonesia (1.234,5)');

	const preview = page.getByRole('table', { name: /Nilai seperti akan disimpan/ });
	const firstRow = preview.getByRole('row').nth(1);
	await expect(firstRow).toContainText('Jawa Tengah (33)');
	await expect(firstRow).toContainText('2.451.330');
	await expect(firstRow).toContainText('teks: Semua');
	await expect(page.getByTestId('problems-none')).toHaveText(
		'Tidak ada masalah: 3 baris siap disimpan.'
	);

	await page.getByRole('radio', { name: 'Ganti' }).check();
	const source = page.getByLabel('Sumber', { exact: true });
	await source.fill('Uji e2e: ekspor Excel');
	await source.blur();
	await expect(page.getByTestId('problems-none')).toBeVisible();
	await page.getByRole('button', { name: 'Periksa perubahan' }).click();
	const plan = page.getByTestId('change-plan');
	await expect(plan.getByRole('heading', { name: 'Yang akan berubah' })).toBeFocused();
	// Replace works per fact; this file carries all six koperasi facts, so all six are listed
	// with the values they change, add, clear and leave as they are, and none is "kept".
	await expect(plan).toContainText(
		'3 baris dari berkas, di 3 pasangan wilayah–tahun. Nilai yang berubah per fakta:'
	);
	const byFact = plan.getByTestId('changes-by-fact');
	await expect(byFact.getByRole('row')).toHaveCount(7);
	await expect(byFact.getByRole('row', { name: /jumlah_anggota/ }).getByRole('cell')).toHaveCount(
		4
	);
	await expect(plan.getByTestId('changes-kept')).toHaveCount(0);
	const jateng = plan.getByRole('row', { name: /Jawa Tengah/ });
	await expect(jateng.getByRole('cell')).toHaveText(['2024', '1', '1']);
	await expect(plan.getByRole('row', { name: /Daerah Istimewa Yogyakarta/ })).toContainText('2024');
	expect(await members(page.request, '33')).toBe(before.jateng);

	await page.getByRole('button', { name: 'Simpan 3 baris' }).click();
	const saved = page.getByTestId('upload-saved');
	await expect(saved.getByRole('heading', { name: 'Data tersimpan' })).toBeFocused();
	const text = await saved.getByText(/^Versi \d+ tersimpan/).textContent();
	storedVersion = Number(/Versi (\d+)/.exec(text ?? '')?.[1]);
	expect(storedVersion).toBeGreaterThan(0);
	await expect(saved.getByRole('link', { name: 'Lihat di dasbor' })).toHaveAttribute(
		'href',
		'/?fokus=33&tahun=2024'
	);

	expect(await members(page.request, '33')).toBe(2_451_330);
	expect(await members(page.request, '34')).toBe(318_902);
	const stored = (await versions(page.request)).find((v) => v.id === storedVersion);
	expect(stored).toMatchObject({ kind: 'koperasi', file_name: 'koperasi-excel-id.csv' });
});

test('a bad file shows each problem with its line, and nothing changes', async ({ page }) => {
	const figure = await members(page.request, '33');
	const ids = (await versions(page.request)).map((v) => v.id);

	await logIn(page, 'analis');
	await page.getByLabel('Berkas CSV').setInputFiles(BAD);
	const report = page.getByTestId('problem-report');
	await expect(page.getByTestId('problem-count')).toHaveText(
		'8 masalah ditemukan; tidak ada yang disimpan sebelum semuanya diperbaiki.'
	);
	const expected: [number, string, RegExp][] = [
		[2, 'kode_wilayah', /Wilayah "Kabupaten Antah Berantah" tidak dikenal/],
		[3, 'kode_wilayah', /ambigu: Kabupaten Bekasi \(32\.16\), Kota Bekasi \(32\.75\)/],
		[4, 'tahun', /Tahun "20245" di luar rentang/],
		[5, 'jumlah_koperasi', /tidak boleh negatif/],
		[6, 'jumlah_koperasi', /"dua ratus" bukan angka/],
		[7, 'status_data', /Status data "final" tidak dikenal/],
		[8, 'koperasi_aktif', /lebih besar dari jumlah_koperasi/],
		[9, 'sumber', /Sumber data kosong/]
	];
	const rows = report.getByRole('row');
	await expect(rows).toHaveCount(expected.length + 1);
	for (const [i, [line, column, message]] of expected.entries()) {
		const row = rows.nth(i + 1);
		await expect(row.getByRole('rowheader')).toHaveText(String(line));
		await expect(row.getByRole('cell').first()).toHaveText(column);
		await expect(row).toContainText(message);
	}

	const download = page.waitForEvent('download');
	await report.getByRole('button', { name: 'Unduh semua masalah (CSV)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('koperasi-bad-masalah.csv');
	const csv = fs.readFileSync(await file.path(), 'utf8');
	expect(csv.startsWith('\ufeffbaris;kolom;nilai;masalah;perbaikan\r\n')).toBe(true);
	expect(csv.split('\r\n').filter(Boolean)).toHaveLength(9);

	await expect(page.getByRole('button', { name: 'Periksa perubahan' })).toBeDisabled();
	expect(await members(page.request, '33')).toBe(figure);
	expect((await versions(page.request)).map((v) => v.id)).toEqual(ids);
});

test('an ambiguous column is asked about, not guessed', async ({ page }) => {
	await logIn(page, 'analis');
	await page.getByLabel('Berkas CSV').setInputFiles(AMBIGUOUS);
	const question = page.getByRole('group', { name: /Kolom “modal_sendiri \(Rp juta\)”/ });
	await expect(question).toContainText('“1.250” dibaca 1.250');
	await expect(question).toContainText('“1.250” dibaca 1,25');
	const columns = page.getByRole('table', { name: /Setiap kolom berkas/ });
	await expect(columns.getByRole('row', { name: /modal_sendiri \(Rp juta\)/ })).toContainText(
		'belum jelas'
	);
	await expect(page.getByRole('button', { name: 'Periksa perubahan' })).toBeDisabled();

	await question.getByLabel(/Format Indonesia/).check();
	await expect(page.getByText(/Tidak ada masalah: 3 baris siap disimpan\./)).toBeVisible();
	const preview = page.getByRole('table', { name: /Nilai seperti akan disimpan/ });
	// 1.250 juta, read the Indonesian way: one thousand two hundred and fifty million Rupiah.
	await expect(preview.getByRole('row').nth(1)).toContainText('1.250.000.000');
	await expect(page.getByRole('button', { name: 'Periksa perubahan' })).toBeEnabled();
});

test('the history page undoes the upload and the previous figure returns', async ({ page }) => {
	expect(storedVersion).toBeGreaterThan(0);
	await logIn(page, 'analis', '/data/riwayat');
	const card = page.getByTestId(`version-${storedVersion}`);
	await expect(card).toContainText('koperasi-excel-id.csv');
	await expect(card).toContainText('Uji e2e: ekspor Excel');
	await expect(card.getByTestId('version-status')).toHaveText('aktif');
	const changes = card.locator('summary');
	await expect(changes).toHaveText(/Perubahan: 3 ditambah, \d+ diganti/);
	await changes.click();
	await expect(card.getByRole('row', { name: /Jawa Timur/ })).toBeVisible();

	await card.getByRole('button', { name: 'Batalkan unggahan' }).click();
	const yes = card.getByRole('button', { name: `Ya, batalkan versi ${storedVersion}` });
	await expect(yes).toBeFocused();
	await yes.click();
	await expect(page.getByTestId('undo-outcome')).toHaveText(
		`Versi ${storedVersion} dibatalkan. Data sebelumnya berlaku lagi.`
	);
	await expect(page.getByTestId('undo-outcome')).toBeFocused();
	await expect(card.getByTestId('version-status')).toHaveText(/^dibatalkan \d/);
	await expect(card.getByRole('button', { name: 'Batalkan unggahan' })).toHaveCount(0);

	expect(await members(page.request, '33')).toBe(before.jateng);
	const after = await versions(page.request);
	expect(after.find((v) => v.id === storedVersion)?.reverted_at).not.toBeNull();
});

async function cooperatives(request: APIRequestContext, region: string, year: number) {
	const params = new URLSearchParams({
		indicator: 'jumlah_koperasi',
		regions: region,
		from: String(year),
		to: String(year),
		format: 'json'
	});
	const response = await request.get(`/api/query?${params}`);
	expect(response.ok(), await response.text()).toBe(true);
	const { rows } = (await response.json()) as { rows: { year: number; value: number | null }[] };
	return rows.find((r) => r.year === year)?.value ?? null;
}

test('a publisher’s file as it comes (the Jawa Timur panel) loads with only the mapping, status and source', async ({
	page
}) => {
	expect(await cooperatives(page.request, '35.15', 2024)).toBeNull();
	await logIn(page, 'analis');
	await page.getByLabel('Berkas CSV').setInputFiles(JATIM);
	await expect(page.getByTestId('detected-rows')).toHaveText('798');
	await expect(page.getByLabel('Jenis data')).toHaveValue('koperasi');
	// The suggestion's note goes once the analyst confirms the dataset.
	await expect(page.getByTestId('kind-note')).toContainText('Disarankan dari judul kolom');
	await page.getByLabel('Jenis data').selectOption('koperasi');
	await expect(page.getByTestId('kind-note')).toHaveCount(0);
	// The mapping as read: upper-case headers recognised, seven columns left out by default.
	await expect(page.getByLabel('Kolom tujuan untuk “KABUPATEN / KOTA”')).toHaveValue(
		'kode_wilayah'
	);
	await expect(page.getByLabel('Kolom tujuan untuk “PERIODE UPDATE”')).toHaveValue('tahun');
	await expect(page.getByLabel('Kolom tujuan untuk “JUMLAH KOPERASI TOTAL”')).toHaveValue(
		'jumlah_koperasi'
	);
	await expect(page.getByLabel('Kolom tujuan untuk “USAHA MIKRO”')).toHaveValue('');
	await expect(page.getByTestId('column-unknown')).toHaveCount(7);
	// No status or source column: asked once for the whole file.
	const report = page.getByTestId('problem-report');
	await expect(page.getByTestId('problem-count')).toContainText('2 masalah ditemukan');
	await expect(report).toContainText('Kolom wajib "status_data" tidak ada.');
	await expect(report).toContainText('Isi status data untuk seluruh berkas');

	await page.getByLabel('Status data').selectOption('resmi');
	const source = page.getByLabel('Sumber', { exact: true });
	await source.fill('Dinas Koperasi dan UKM Jawa Timur (e2e)');
	await source.blur();
	const rule = page.getByTestId('period-rule');
	await expect(rule).toContainText('Kolom “PERIODE UPDATE” berisi triwulan, bukan tahun.');
	await expect(rule.getByRole('radio', { name: /menurut jenis angka/ })).toBeChecked();
	// 38 kab/kota × 8 years, each year from its last quarter.
	await expect(page.getByTestId('problems-none')).toHaveText(
		'Tidak ada masalah: 304 baris siap disimpan.'
	);

	await page.getByRole('button', { name: 'Periksa perubahan' }).click();
	await expect(page.getByTestId('change-plan')).toContainText(
		'304 baris dari berkas, di 304 pasangan wilayah–tahun.'
	);
	await page.getByRole('button', { name: 'Simpan 304 baris' }).click();
	const saved = page.getByTestId('upload-saved');
	await expect(saved.getByRole('heading', { name: 'Data tersimpan' })).toBeFocused();
	const text = await saved.getByText(/^Versi \d+ tersimpan/).textContent();
	const version = Number(/Versi (\d+)/.exec(text ?? '')?.[1]);

	// Kabupaten Sidoarjo 2024 is its 2024-Q4 row: 608 active + 919 inactive.
	expect(await cooperatives(page.request, '35.15', 2024)).toBe(1527);
	expect(await cooperatives(page.request, '35.01', 2018)).toBe(552);

	await openHydrated(page, '/data/riwayat');
	const card = page.getByTestId(`version-${version}`);
	await card.getByRole('button', { name: 'Batalkan unggahan' }).click();
	await card.getByRole('button', { name: `Ya, batalkan versi ${version}` }).click();
	await expect(page.getByTestId('undo-outcome')).toContainText(`Versi ${version} dibatalkan.`);
	expect(await cooperatives(page.request, '35.15', 2024)).toBeNull();
});

test('a viewer sees no upload control, and a forged upload with the viewer’s cookie gets 403', async ({
	page,
	baseURL
}) => {
	await logIn(page, 'pemirsa');
	await expect(page.getByTestId('no-upload')).toContainText(
		'Anda masuk sebagai pemirsa dengan peran pemirsa.'
	);
	await expect(page.locator('input[type=file]')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Periksa perubahan' })).toHaveCount(0);

	const ids = (await versions(page.request)).map((v) => v.id);
	const multipart = {
		kind: 'koperasi',
		mode: 'replace',
		file: {
			name: 'koperasi.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'kode_wilayah,tahun,jumlah_koperasi,status_data,sumber\n33,2024,1,resmi,palsu\n'
			)
		}
	};
	const sameSite = await page.request.post('/api/datasets', {
		multipart,
		headers: { Origin: baseURL! }
	});
	expect(sameSite.status()).toBe(403);
	expect(((await sameSite.json()) as { message: string }).message).toBe(
		'Peran Anda tidak boleh mengunggah data.'
	);
	const crossSite = await page.request.post('/api/datasets', {
		multipart,
		headers: { Origin: 'https://evil.example' }
	});
	expect(crossSite.status()).toBe(403);
	expect((await versions(page.request)).map((v) => v.id)).toEqual(ids);
});
