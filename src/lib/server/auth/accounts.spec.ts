/**
 * Sessions and API tokens on a real database file: how they end (idle, age, password change,
 * revocation, expiry) and that a token's listing never shows the token itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecDatabase, type SpecDatabase } from '../duckdb/spec-database';
import { addUser, changePassword, createSession, userForSession } from './accounts';
import { createToken, listTokens, revokeTokens, userForToken } from './api-tokens';

const MINUTE = 60_000;
let spec: SpecDatabase;
const run = <T>(work: Parameters<SpecDatabase['db']['withConnection']>[0]) =>
	spec.db.withConnection(work) as Promise<T>;

beforeAll(async () => {
	spec = await openSpecDatabase('accounts');
	await spec.db.withConnection(async (c) => {
		await addUser(c, 'siti', 'analyst', 'sandi-siti-12345');
		await addUser(c, 'budi', 'viewer', 'sandi-budi-12345');
	});
});
afterAll(() => spec.dispose());

describe('browser sessions', () => {
	it('end after 30 minutes without a request', async () => {
		const id = await run<string>((c) => createSession(c, 'siti'));
		const start = Date.now();
		expect(await run((c) => userForSession(c, id, start + 29 * MINUTE))).toMatchObject({
			name: 'siti'
		});
		expect(await run((c) => userForSession(c, id, start + 29 * MINUTE + 31 * MINUTE))).toBeNull();
		// Once ended, a session stays ended.
		expect(await run((c) => userForSession(c, id, start))).toBeNull();
	});

	it('end 8 hours after login however busy they are', async () => {
		const id = await run<string>((c) => createSession(c, 'siti'));
		const start = Date.now();
		for (let at = 20; at < 8 * 60; at += 20)
			expect(await run((c) => userForSession(c, id, start + at * MINUTE))).not.toBeNull();
		expect(await run((c) => userForSession(c, id, start + 8 * 60 * MINUTE + MINUTE))).toBeNull();
	});

	it('all end when the password changes; other users keep theirs', async () => {
		const siti = [
			await run<string>((c) => createSession(c, 'siti')),
			await run<string>((c) => createSession(c, 'siti'))
		];
		const budi = await run<string>((c) => createSession(c, 'budi'));
		expect(
			await run((c) => changePassword(c, 'siti', 'sandi-baru-siti-123'))
		).toBeGreaterThanOrEqual(2);
		for (const id of siti) expect(await run((c) => userForSession(c, id))).toBeNull();
		expect(await run((c) => userForSession(c, budi))).toMatchObject({ name: 'budi' });
	});
});

describe('API tokens', () => {
	it('work until revoked, one at a time or all of a user’s', async () => {
		const a = await run<{ token: string; id: string }>((c) => createToken(c, 'siti'));
		const b = await run<{ token: string; id: string }>((c) => createToken(c, 'siti'));
		expect(await run((c) => userForToken(c, a.token))).toMatchObject({ name: 'siti' });
		expect(await run((c) => revokeTokens(c, 'siti', a.id))).toBe(1);
		expect(await run((c) => userForToken(c, a.token))).toBeNull();
		expect(await run((c) => userForToken(c, b.token))).toMatchObject({ name: 'siti' });
		await run((c) => revokeTokens(c, 'siti'));
		expect(await run((c) => userForToken(c, b.token))).toBeNull();
	});

	it('may carry an expiry in days, and stop working after it', async () => {
		const made = await run<{ token: string; id: string; expires: string | null }>((c) =>
			createToken(c, 'budi', { days: 30 })
		);
		const inDays = (Date.parse(made.expires!) - Date.now()) / (24 * 60 * MINUTE);
		expect(inDays).toBeGreaterThan(29.9);
		expect(inDays).toBeLessThan(30.1);
		expect(await run((c) => userForToken(c, made.token))).toMatchObject({ name: 'budi' });
		await spec.db.withConnection((c) =>
			c.run(
				`UPDATE token_api SET berlaku_sampai = now() - INTERVAL 1 SECOND WHERE starts_with(hash, $1)`,
				[made.id]
			)
		);
		expect(await run((c) => userForToken(c, made.token))).toBeNull();
	});

	it('are listed by id, made, expiry and revocation, never by the token', async () => {
		const made = await run<{ token: string; id: string }>((c) => createToken(c, 'budi'));
		const listed = await run<Awaited<ReturnType<typeof listTokens>>>((c) => listTokens(c, 'budi'));
		const mine = listed.find((t) => t.id === made.id);
		expect(mine).toMatchObject({ expires: null, revoked: null });
		expect(JSON.stringify(listed)).not.toContain(made.token);
	});

	it('refuse an expiry outside 1–3650 days', async () => {
		for (const days of [0, -1, 1.5, 4000])
			await expect(run((c) => createToken(c, 'budi', { days }))).rejects.toThrow('1–3650');
	});
});
