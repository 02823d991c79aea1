/**
 * Which API requests a page makes: its universal load runs on the server during SSR, and Kit
 * writes every response it fetched into the HTML (`data-sveltekit-fetched`). Reading them back
 * benchmarks exactly what the pages ask for today, whoever changed them last.
 */
import { get } from '../lib/http';

export interface PageRequests {
	path: string;
	status: number;
	/** API paths with query strings, in the order the page fetched them. */
	requests: string[];
}

function unescapeHtml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/**
 * The bench's national data set is generated (sintetis), which pages hide by default: pages are
 * measured with the sample data shown, as a planner who switched it on sees them.
 */
export const pageUrl = (base: string, path: string) => `${base}${path}?sintetis=tampilkan`;

export async function discoverRequests(base: string, path: string): Promise<PageRequests> {
	const response = await get(pageUrl(base, path));
	const html = response.bytes.toString('utf8');
	const requests = [...html.matchAll(/<script[^>]*data-sveltekit-fetched[^>]*data-url="([^"]+)"/g)]
		.map((m) => unescapeHtml(m[1]!))
		.map((url) => (url.startsWith('http') ? new URL(url).pathname + new URL(url).search : url));
	return { path, status: response.status, requests };
}
