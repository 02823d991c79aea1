/**
 * Users, API tokens and browser sessions, stored in DuckDB. Tokens and session ids are random
 * 256-bit values; only their SHA-256 is stored, so a copy of the database cannot log anyone in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { isRole, type Role } from '$lib/auth/roles';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
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

export async function createToken(c: DuckDBConnection, name: string): Promise<string> {
	if (!(await findUser(c, name))) throw new Error(`Pengguna "${name}" tidak ada.`);
	const token = `kop_${newSecret()}`;
	await c.run(`INSERT INTO token_api (hash, nama) VALUES ($1, $2)`, [sha256(token), name]);
	return token;
}

export async function userForToken(
	c: DuckDBConnection,
	token: string
): Promise<{ name: string; role: Role } | null> {
	const reader = await c.runAndReadAll(
		`SELECT p.nama, p.peran FROM token_api t JOIN pengguna p USING (nama)
     WHERE t.hash = $1 AND t.dicabut IS NULL`,
		[sha256(token)]
	);
	const row = reader.getRows()[0];
	if (!row || !isRole(String(row[1]))) return null;
	return { name: String(row[0]), role: String(row[1]) as Role };
}

export async function createSession(c: DuckDBConnection, name: string): Promise<string> {
	const id = newSecret();
	await c.run(`INSERT INTO sesi VALUES ($1, $2, now(), now())`, [sha256(id), name]);
	return id;
}

export async function userForSession(
	c: DuckDBConnection,
	id: string
): Promise<{ name: string; role: Role } | null> {
	const reader = await c.runAndReadAll(
		`SELECT p.nama, p.peran, epoch_ms(s.dibuat), epoch_ms(s.terakhir)
     FROM sesi s JOIN pengguna p USING (nama) WHERE s.hash = $1`,
		[sha256(id)]
	);
	const row = reader.getRows()[0];
	if (!row || !isRole(String(row[1]))) return null;
	const now = Date.now();
	const created = Number(row[2]);
	const last = Number(row[3]);
	if (now - last > SESSION_IDLE_MS || now - created > SESSION_ABSOLUTE_MS) {
		await c.run(`DELETE FROM sesi WHERE hash = $1`, [sha256(id)]);
		return null;
	}
	// Touch at most once a minute: every write is a DuckDB transaction.
	if (now - last > 60_000)
		await c.run(`UPDATE sesi SET terakhir = now() WHERE hash = $1`, [sha256(id)]);
	return { name: String(row[0]), role: String(row[1]) as Role };
}

export async function deleteSession(c: DuckDBConnection, id: string): Promise<void> {
	await c.run(`DELETE FROM sesi WHERE hash = $1`, [sha256(id)]);
}
