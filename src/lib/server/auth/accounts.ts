/**
 * Users and browser sessions, stored in DuckDB (API tokens: api-tokens.ts). Session ids are
 * random 256-bit values; only their SHA-256 is stored, so a copy of the database cannot log
 * anyone in.
 */
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isRole, type Role } from '$lib/auth/roles';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;

import { sha256 } from './secret-hash';

const newSecret = () => randomBytes(32).toString('base64url');

export const USER_NAME = /^[a-zA-Z0-9._-]{2,64}$/;

export async function addUser(
	c: DuckDBConnection,
	name: string,
	role: Role,
	password: string
): Promise<void> {
	if (!USER_NAME.test(name))
		throw new Error('Nama pengguna: 2–64 huruf, angka, titik, garis bawah atau minus.');
	if (password.length < 10) throw new Error('Kata sandi minimal 10 karakter.');
	const hash = await hashPassword(password);
	await c.run(
		`INSERT INTO pengguna (nama, peran, hash_sandi) VALUES ($1, $2, $3)
     ON CONFLICT (nama) DO UPDATE SET peran = excluded.peran, hash_sandi = excluded.hash_sandi`,
		[name, role, hash]
	);
	// Adding an existing user sets a new password: whoever knew the old one is logged out.
	await endSessions(c, name);
}

/** A new password for an existing user; every browser session of that user ends. */
export async function changePassword(
	c: DuckDBConnection,
	name: string,
	password: string
): Promise<number> {
	const user = await findUser(c, name);
	if (!user) throw new Error(`Pengguna "${name}" tidak ada.`);
	if (password.length < 10) throw new Error('Kata sandi minimal 10 karakter.');
	await c.run(`UPDATE pengguna SET hash_sandi = $1 WHERE nama = $2`, [
		await hashPassword(password),
		name
	]);
	return endSessions(c, name);
}

/** Ends every browser session of a user; answers how many there were. */
export async function endSessions(c: DuckDBConnection, name: string): Promise<number> {
	const reader = await c.runAndReadAll(`DELETE FROM sesi WHERE nama = $1 RETURNING hash`, [name]);
	return reader.getRows().length;
}

export async function findUser(
	c: DuckDBConnection,
	name: string
): Promise<{ name: string; role: Role; hash: string | null } | null> {
	const reader = await c.runAndReadAll(
		`SELECT nama, peran, hash_sandi FROM pengguna WHERE nama = $1`,
		[name]
	);
	const row = reader.getRows()[0];
	if (!row) return null;
	const role = String(row[1]);
	if (!isRole(role)) return null;
	return { name: String(row[0]), role, hash: row[2] === null ? null : String(row[2]) };
}

/** Checks a login; the same work is done whether or not the user exists. */
export async function checkPassword(
	c: DuckDBConnection,
	name: string,
	password: string
): Promise<{ name: string; role: Role } | null> {
	const user = await findUser(c, name);
	const ok = await verifyPassword(password, user?.hash ?? (await DUMMY_HASH_PROMISE));
	return user && user.hash && ok ? { name: user.name, role: user.role } : null;
}

export async function createSession(c: DuckDBConnection, name: string): Promise<string> {
	const id = newSecret();
	await c.run(`INSERT INTO sesi VALUES ($1, $2, now(), now())`, [sha256(id), name]);
	return id;
}

/** The session's user, or null once it idled 30 minutes or is 8 hours old (then it is deleted). */
export async function userForSession(
	c: DuckDBConnection,
	id: string,
	now = Date.now()
): Promise<{ name: string; role: Role } | null> {
	const reader = await c.runAndReadAll(
		`SELECT p.nama, p.peran, epoch_ms(s.dibuat), epoch_ms(s.terakhir)
     FROM sesi s JOIN pengguna p USING (nama) WHERE s.hash = $1`,
		[sha256(id)]
	);
	const row = reader.getRows()[0];
	if (!row || !isRole(String(row[1]))) return null;
	const created = Number(row[2]);
	const last = Number(row[3]);
	if (now - last > SESSION_IDLE_MS || now - created > SESSION_ABSOLUTE_MS) {
		await c.run(`DELETE FROM sesi WHERE hash = $1`, [sha256(id)]);
		return null;
	}
	// Touch at most once a minute: every write is a DuckDB transaction.
	if (now - last > 60_000)
		await c.run(`UPDATE sesi SET terakhir = to_timestamp($2::DOUBLE / 1000) WHERE hash = $1`, [
			sha256(id),
			now
		]);
	return { name: String(row[0]), role: String(row[1]) as Role };
}

export async function deleteSession(c: DuckDBConnection, id: string): Promise<void> {
	await c.run(`DELETE FROM sesi WHERE hash = $1`, [sha256(id)]);
}
