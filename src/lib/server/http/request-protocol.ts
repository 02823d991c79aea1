/**
 * The protocol a request really came over. adapter-node builds `event.url` from `ORIGIN`, else
 * from `PROTOCOL_HEADER` and the Host header, and when neither names a protocol it assumes
 * `https`. Its server speaks plain HTTP itself, so on a fresh install (no TLS proxy, no
 * variables) that guess is wrong: the browser's `Origin` is `http://…`, the origin check refused
 * every form, and HSTS and `Secure` cookies went out over plain HTTP.
 */
export interface ProxySettings {
	/** adapter-node's `ORIGIN`: when set, its protocol is the public one. */
	origin?: string;
	/** adapter-node's `PROTOCOL_HEADER`: when set and present on the request, the proxy said. */
	protocolHeader?: string;
}

export function proxySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ProxySettings {
	return { origin: env.ORIGIN || undefined, protocolHeader: env.PROTOCOL_HEADER || undefined };
}

/**
 * `socketEncrypted` is whether the connection to this process is TLS; `undefined` when there is
 * no Node socket (the Vite dev server), where the URL's protocol is the only answer there is.
 */
export function actualProtocol(
	url: URL,
	headers: Headers,
	socketEncrypted: boolean | undefined,
	settings: ProxySettings
): 'http:' | 'https:' {
	const stated = url.protocol === 'https:' ? 'https:' : 'http:';
	if (settings.origin) return stated;
	if (settings.protocolHeader && headers.has(settings.protocolHeader)) return stated;
	if (socketEncrypted === undefined) return stated;
	return socketEncrypted ? 'https:' : 'http:';
}
