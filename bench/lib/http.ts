/** A keep-alive HTTP client with as little client-side overhead as Node allows. */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Fetched {
	status: number;
	bytes: Buffer;
	ms: number;
	headers: http.IncomingHttpHeaders;
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
	const began = performance.now();
	return new Promise((resolve, reject) => {
		const request = http.get(url, { agent, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					bytes: Buffer.concat(chunks),
					ms: performance.now() - began,
					headers: response.headers
				})
			);
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}
