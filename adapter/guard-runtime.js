/**
 * Copied into `build/` by static-guard.js. The files adapter-node serves from `build/client`
 * get the headers src/hooks.server.ts gives every other answer, and 405 for methods other than
 * GET and HEAD; every other request goes to adapter-node's handler untouched.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} dir @returns {Set<string>} URL paths of the files below `dir` */
function filesBelow(dir) {
	const found = new Set();
	const walk = (/** @type {string} */ folder, /** @type {string} */ prefix) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const at = `${prefix}/${entry.name}`;
			if (entry.isDirectory()) walk(path.join(folder, entry.name), at);
			else if (!/\.(gz|br)$/.test(entry.name)) found.add(at);
		}
	};
	if (fs.existsSync(dir)) walk(dir, '');
	return found;
}

/** The same rule as src/lib/server/http/request-protocol.ts. @param {import('node:http').IncomingMessage} req */
function isHttps(req) {
	const origin = process.env.ORIGIN;
	if (origin) return origin.startsWith('https:');
	const header = process.env.PROTOCOL_HEADER?.toLowerCase();
	if (header && req.headers[header] !== undefined) return req.headers[header] === 'https';
	return /** @type {{ encrypted?: boolean }} */ (req.socket).encrypted === true;
}

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => unknown} handler
 * @param {URL} clientDir
 */
export function guardStatic(handler, clientDir) {
	const files = filesBelow(fileURLToPath(clientDir));
	return (
		/** @type {import('node:http').IncomingMessage} */ req,
		/** @type {import('node:http').ServerResponse} */ res,
		/** @type {() => void} */ next
	) => {
		let pathname;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			return handler(req, res, next);
		}
		if (!files.has(pathname)) return handler(req, res, next);
		res.setHeader('X-Request-Id', randomUUID());
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'same-origin');
		res.setHeader('X-Frame-Options', 'DENY');
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
		if (isHttps(req)) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
		if (req.method === 'GET' || req.method === 'HEAD') return handler(req, res, next);
		res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Method Not Allowed');
	};
}
