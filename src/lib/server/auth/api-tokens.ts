/**
 * API tokens for scripts and curl. A token is a random 256-bit value shown once; only its SHA-256
 * is stored. A token may carry an expiry; revoking marks it, it is never reused or deleted, so
 * `npm run users -- tokens NAME` shows what existed.
 */
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isRole, type Role } from '$lib/auth/roles';
import { findUser } from './accounts';
import { sha256 } from './secret-hash';

/** How a token is named in listings and `revoke`: the start of its hash, never the token. */
const ID_LENGTH = 12;

export interface TokenInfo {
	id: string;
	created: string;
	expires: string | null;
	revoked: string | null;
}

export async function createToken(
	c: DuckDBConnection,
	name: string,
	options: { days?: number } = {}
): Promise<{ token: string; id: string; expires: string | null }> {
	if (!(await findUser(c, name))) throw new Error(`Pengguna "${name}" tidak ada.`);
	const days = options.days;
	if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650))
		throw new Error('Masa berlaku token: 1–3650 hari.');
	const token = `kop_${randomBytes(32).toString('base64url')}`;
	const hash = sha256(token);
	const reader = await c.runAndReadAll(
		`INSERT INTO token_api (hash, nama, berlaku_sampai)
     VALUES ($1, $2, CASE WHEN $3::INTEGER IS NULL THEN NULL ELSE now() + to_days($3::INTEGER) END)
     RETURNING strftime(berlaku_sampai AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`,
		[hash, name, days ?? null]
	);
	const expires = reader.getRows()[0]?.[0];
	return { token, id: hash.slice(0, ID_LENGTH), expires: expires == null ? null : String(expires) };
}

export async function userForToken(
	c: DuckDBConnection,
	token: string
): Promise<{ name: string; role: Role } | null> {
	const reader = await c.runAndReadAll(
		`SELECT p.nama, p.peran FROM token_api t JOIN pengguna p USING (nama)
     WHERE t.hash = $1 AND t.dicabut IS NULL AND (t.berlaku_sampai IS NULL OR t.berlaku_sampai > now())`,
		[sha256(token)]
	);
	const row = reader.getRows()[0];
	if (!row || !isRole(String(row[1]))) return null;
	return { name: String(row[0]), role: String(row[1]) as Role };
}

const UTC = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`;

export async function listTokens(c: DuckDBConnection, name: string): Promise<TokenInfo[]> {
	const reader = await c.runAndReadAll(
		`SELECT left(hash, ${ID_LENGTH}), ${UTC('dibuat')}, ${UTC('berlaku_sampai')}, ${UTC('dicabut')}
     FROM token_api WHERE nama = $1 ORDER BY dibuat, hash`,
		[name]
	);
	return reader.getRows().map(([id, created, expires, revoked]) => ({
		id: String(id),
		created: String(created),
		expires: expires == null ? null : String(expires),
		revoked: revoked == null ? null : String(revoked)
	}));
}

/** Revokes one token (by its id from `listTokens`) or, without an id, every token of the user. */
export async function revokeTokens(
	c: DuckDBConnection,
	name: string,
	id?: string
): Promise<number> {
	if (id !== undefined && !/^[0-9a-f]{6,64}$/.test(id))
		throw new Error(`Token "${id}" bukan id token (lihat: npm run users -- tokens ${name}).`);
	const reader = await c.runAndReadAll(
		`UPDATE token_api SET dicabut = now()
     WHERE nama = $1 AND dicabut IS NULL AND ($2::VARCHAR IS NULL OR starts_with(hash, $2::VARCHAR))
     RETURNING hash`,
		[name, id ?? null]
	);
	return reader.getRows().length;
}
