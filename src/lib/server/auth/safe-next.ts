/**
 * Where to go after login: only a path on this site. The value is read the way a browser reads a
 * Location header (WHATWG URL: `\` is `/`, tabs and line breaks vanish), so `/\evil.example` or
 * `/<tab>/evil.example` cannot leave the site, and what comes back is percent-encoded: a line
 * break cannot reach the header either.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
	if (!next) return '/';
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return '/';
	}
	if (url.origin !== origin) return '/';
	const path = `${url.pathname}${url.search}${url.hash}`;
	// `//host` or `/\host` in a Location header is another site, whatever our origin says.
	return /^\/[/\\]/.test(path) ? '/' : path;
}
