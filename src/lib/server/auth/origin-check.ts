/**
 * Cross-site request forgery defence. A state-changing request from a browser carries an Origin
 * (and Sec-Fetch-Site) header; when it names another site the request is refused. A request
 * without them is accepted only when it proves itself with a Bearer token, which a browser never
 * attaches on its own (unlike cookies).
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginVerdict = 'allowed' | 'cross-site' | 'no-origin-with-cookie';

export function checkOrigin(
	request: Request,
	url: URL,
	authenticatedBy: 'session' | 'token' | null
): OriginVerdict {
	if (SAFE_METHODS.has(request.method)) return 'allowed';
	const origin = request.headers.get('origin');
	const fetchSite = request.headers.get('sec-fetch-site');
	if (origin !== null) return origin === url.origin ? 'allowed' : 'cross-site';
	if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none')
		return 'cross-site';
	if (authenticatedBy === 'session') return 'no-origin-with-cookie';
	return 'allowed';
}
