/**
 * `npm run users -- token | tokens | revoke` while the server runs: the server owns the database
 * file, so it does the work (`/api/admin/tokens`, admin only) and prints what the direct way does.
 */
import type { TokenInfo } from '$lib/server/auth/api-tokens';

/** What both ways print: a listing line, and the announcement of a new token (token last). */
export function tokenLine(t: TokenInfo): string {
	return `${t.id}\tdibuat ${t.created}\t${t.expires ? `sampai ${t.expires}` : 'tanpa batas'}\t${t.revoked ? `dicabut ${t.revoked}` : 'aktif'}`;
}

export function printNewToken(
	name: string,
	made: { token: string; id: string; expires: string | null }
) {
	const until = made.expires ? `berlaku sampai ${made.expires}` : 'tanpa batas waktu';
	console.log(
		`Token API baru untuk ${name} (id ${made.id}, ${until}; simpan, tidak ditampilkan lagi):`
	);
	console.log(made.token);
}

export async function viaServer(
	url: string,
	command: string,
	name: string,
	options: { days?: number; token?: string }
): Promise<number> {
	const admin = process.env.KOPERASI_TOKEN;
	if (!admin) {
		console.error(
			`The server at ${url} is running and owns the database file.\n` +
				'Set KOPERASI_TOKEN to an admin API token to do this through the server, or stop the server first.'
		);
		return 3;
	}
	const headers = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };
	const endpoint = `${url}/api/admin/tokens`;
	const response =
		command === 'token'
			? await fetch(endpoint, {
					method: 'POST',
					headers,
					body: JSON.stringify({ name, days: options.days ?? null })
				})
			: command === 'tokens'
				? await fetch(`${endpoint}?${new URLSearchParams({ name })}`, { headers })
				: await fetch(
						`${endpoint}?${new URLSearchParams({ name, ...(options.token ? { token: options.token } : {}) })}`,
						{ method: 'DELETE', headers }
					);
	const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (!response.ok) {
		console.error(`The server refused (${response.status}): ${String(body.message ?? '')}`);
		return 1;
	}
	if (command === 'token')
		printNewToken(name, body as { token: string; id: string; expires: string | null });
	else if (command === 'tokens')
		for (const t of body.tokens as TokenInfo[]) console.log(tokenLine(t));
	else
		console.log(
			`${String(body.revoked)} token dicabut, ${String(body.sessions_ended)} sesi diakhiri untuk ${name}.`
		);
	return 0;
}
