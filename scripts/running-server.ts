/**
 * The server the command-line tools talk to when it runs (it owns the database file then):
 * KOPERASI_URL, default http://127.0.0.1:$PORT. Null when nothing answers there.
 */
export async function runningServer(timeoutMs = 15_000): Promise<string | null> {
	const url = process.env.KOPERASI_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
	try {
		const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
		return response.ok ? url : null;
	} catch (error) {
		// A server that is listening but busy (a large upload) must not be mistaken for none.
		if (error instanceof Error && error.name === 'TimeoutError') return url;
		return null;
	}
}
