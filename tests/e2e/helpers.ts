import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import type { Normalisation } from '../../src/lib/catalogue/indicators';
import type { QueryRow } from '../../src/lib/query/indicator-query';

export interface ApiRegion {
	code: string;
	name: string;
	level: 'provinsi' | 'kabkota';
	province_code: string;
}

/** The API's own answer (JSON), to hold the page's figures against. */
export async function apiRows(
	request: APIRequestContext,
	indicator: string,
	regions: readonly string[],
	per: Normalisation
): Promise<QueryRow[]> {
	const params = new URLSearchParams({
		indicator,
		regions: regions.join(','),
		per,
		format: 'json'
	});
	const response = await request.get(`/api/query?${params}`);
	expect(response.ok(), await response.text()).toBe(true);
	return ((await response.json()) as { rows: QueryRow[] }).rows;
}

export async function apiRegions(request: APIRequestContext): Promise<ApiRegion[]> {
	const response = await request.get('/api/regions');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { regions: ApiRegion[] }).regions;
}

export function valueOf(rows: readonly QueryRow[], code: string, year: number): number | null {
	return rows.find((r) => r.region_code === code && r.year === year)?.value ?? null;
}

/** The newest year in which the region has any of these figures. */
export function latestYear(rowSets: readonly (readonly QueryRow[])[], code: string): number {
	const years = rowSets.flat().filter((r) => r.region_code === code && r.value !== null);
	expect(years.length, `no data at all for ${code}`).toBeGreaterThan(0);
	return Math.max(...years.map((r) => r.year));
}

/**
 * Waits until the current page is hydrated. Server-rendered controls are visible earlier, but a
 * value typed or a file picked before hydration can be lost, and a form submitted then skips its
 * enhancement.
 */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
}

/** Opens a page and waits until it is hydrated. */
export async function openHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await hydrated(page);
}

/** Opens the dashboard and waits until it is hydrated (charts only draw in the browser). */
export async function openDashboard(page: Page, search = ''): Promise<void> {
	await page.goto(`/${search}`);
	await chartPoints(page, 'trend-chart');
}

/** The number of points a chart reports having drawn, once it has drawn. */
export async function chartPoints(page: Page, testid: string): Promise<number> {
	const chart = page.getByTestId(testid);
	await expect(chart).toHaveAttribute('data-points', /^\d+$/);
	await expect(chart.locator('canvas')).toHaveCount(1);
	return Number(await chart.getAttribute('data-points'));
}

export function card(page: Page, indicator: string) {
	return page.getByTestId(`card-${indicator}`);
}

/**
 * Remembers "Data contoh (sintetis): tampilkan" for the test's browser, as a reader who chose it
 * would have. The bundled data is mostly sintetis: tests that hold every figure of a page against
 * the API (sintetis ones included) read the pages with the sample data shown.
 */
export async function showSampleData(context: BrowserContext, baseURL: string | undefined) {
	await context.addCookies([{ name: 'sintetis', value: 'tampilkan', url: baseURL! }]);
}
