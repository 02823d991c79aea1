/**
 * A fresh install as the README starts it (`npm start`: no ORIGIN, no TLS proxy) is reached over
 * plain HTTP. The analyst logs in there in the browser, uploads a small file and undoes it; the
 * session cookie is the plain-HTTP one (no `Secure`, which a browser would not send back over
 * http), and no HSTS pins the address to https. tests/support/start-test-server.mjs starts the
 * server that way.
 *
 * Writes pembiayaan for Banten (36) in 2018 only, in replace mode, and undoes it before the end.
 */
import { expect, test } from '@playwright/test';
import { testCredentials } from '../support/credentials';
import { hydrated, openHydrated } from './helpers';

const FILE = [
	'kode_wilayah,tahun,modal_sendiri,modal_luar,aset,volume_usaha,shu,pinjaman_diberikan,kur_realisasi,kur_debitur,status_data,sumber',
	'36,2018,1111111111000,2222222222000,3333333333000,4444444444000,55555555000,666666666000,777777777000,8888,estimasi,Uji e2e: HTTP biasa'
].join('\n');

async function assetOfBanten2018(request: import('@playwright/test').APIRequestContext) {
	const params = new URLSearchParams({
		indicator: 'aset',
		regions: '36',
		from: '2018',
		to: '2018',
		format: 'json'
	});
	const response = await request.get(`/api/query?${params}`);
	expect(response.ok(), await response.text()).toBe(true);
	const { rows } = (await response.json()) as { rows: { value: number | null }[] };
	return rows[0]?.value ?? null;
}

test('over plain HTTP with no ORIGIN: log in, upload a small CSV and undo it in the browser', async ({
	page,
	baseURL
}) => {
	expect(new URL(baseURL!).protocol).toBe('http:');
	const before = await assetOfBanten2018(page.request);
	expect(before).not.toBe(3_333_333_333_000);

	const { password } = testCredentials().users.analis;
	await openHydrated(page, '/login?next=%2Fdata');
	await page.getByLabel('Nama pengguna').fill('analis');
	await page.getByLabel('Kata sandi').fill(password);
	const answer = page.waitForResponse(
		(r) => new URL(r.url()).pathname === '/login' && r.request().method() === 'POST'
	);
	await page.getByRole('button', { name: 'Masuk' }).click();
	const login = await answer;
	expect(login.status(), await login.text().catch(() => '')).toBeLessThan(400);
	expect(login.headers()['strict-transport-security']).toBeUndefined();
	await page.waitForURL((url) => url.pathname === '/data');
	await hydrated(page);
	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name === 'sesi');
	expect(session, JSON.stringify(cookies.map((c) => c.name))).toBeDefined();
	expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: 'Strict' });

	await page.getByLabel('Berkas CSV').setInputFiles({
		name: 'pembiayaan-http.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(FILE)
	});
	await expect(page.getByLabel('Jenis data')).toHaveValue('pembiayaan');
	await expect(page.getByTestId('problems-none')).toBeVisible();
	await page.getByRole('radio', { name: 'Ganti' }).check();
	await page.getByRole('button', { name: 'Periksa perubahan' }).click();
	await expect(page.getByTestId('change-plan')).toBeVisible();
	await page.getByRole('button', { name: 'Simpan 1 baris' }).click();
	const saved = page.getByTestId('upload-saved');
	const text = await saved.getByText(/^Versi \d+ tersimpan/).textContent();
	const version = Number(/Versi (\d+)/.exec(text ?? '')?.[1]);
	expect(version).toBeGreaterThan(0);
	expect(await assetOfBanten2018(page.request)).toBe(3_333_333_333_000);

	await openHydrated(page, '/data/riwayat');
	const card = page.getByTestId(`version-${version}`);
	await card.getByRole('button', { name: 'Batalkan unggahan' }).click();
	await card.getByRole('button', { name: `Ya, batalkan versi ${version}` }).click();
	await expect(page.getByTestId('undo-outcome')).toHaveText(
		`Versi ${version} dibatalkan. Data sebelumnya berlaku lagi.`
	);
	expect(await assetOfBanten2018(page.request)).toBe(before);
});
