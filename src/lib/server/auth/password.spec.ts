import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('verifies the password a hash was made from', async () => {
		const hash = await hashPassword('sandi-rahasia-123');
		expect(await verifyPassword('sandi-rahasia-123', hash)).toBe(true);
	});

	it('rejects a wrong password, including one differing only in case or a trailing space', async () => {
		const hash = await hashPassword('sandi-rahasia-123');
		for (const wrong of ['sandi-rahasia-124', 'Sandi-rahasia-123', 'sandi-rahasia-123 ', ''])
			expect(await verifyPassword(wrong, hash)).toBe(false);
	});

	it('salts every hash, so the same password never hashes the same twice', async () => {
		const [a, b] = await Promise.all([
			hashPassword('sama-saja-123'),
			hashPassword('sama-saja-123')
		]);
		expect(a).not.toBe(b);
		const salt = (hash: string) => hash.split('$')[4];
		expect(salt(a)).not.toBe(salt(b));
		expect(await verifyPassword('sama-saja-123', a)).toBe(true);
		expect(await verifyPassword('sama-saja-123', b)).toBe(true);
	});

	it('stores scrypt with its parameters and never the password itself', async () => {
		const hash = await hashPassword('sandi-rahasia-123');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
		expect(hash).not.toContain('sandi-rahasia-123');
	});

	it.each([
		['another scheme', 'bcrypt$10$abc$def'],
		['a truncated hash', 'scrypt$32768$8$1$'],
		['an empty string', '']
	])('answers false (not an exception) for %s', async (_what, stored) => {
		expect(await verifyPassword('sandi-rahasia-123', stored)).toBe(false);
	});
});
