/**
 * User management for administrators on the server machine:
 *   npm run users -- add NAME --role viewer|analyst|admin   (password asked twice, or stdin's first line)
 *   npm run users -- passwd NAME                             (new password; the user's sessions end)
 *   npm run users -- token NAME [--days N]                   (prints a new API token, last line)
 *   npm run users -- tokens NAME                             (the user's tokens: id, made, expiry, revoked)
 *   npm run users -- revoke NAME [--token ID]                (one token; without --token every token
 *                                                             and every session of the user)
 *   npm run users -- list
 * The database is the server's (DATABASE_PATH, default data/koperasi.duckdb in the app folder).
 * While the server runs it owns that file: `token`, `tokens` and `revoke` then go through the
 * server (KOPERASI_TOKEN = an admin's API token), the others need the server stopped.
 */
import { isRole } from '$lib/auth/roles';
import { addUser, changePassword, endSessions } from '$lib/server/auth/accounts';
import { createToken, listTokens, revokeTokens } from '$lib/server/auth/api-tokens';
import { openForCli } from '$lib/server/cli-database';
import { readPassword } from './read-password';
import { runningServer } from './running-server';
import { printNewToken, tokenLine, viaServer } from './users-via-server';

function usage(): never {
	console.error(
		[
			'Usage:',
			'  npm run users -- add NAME --role viewer|analyst|admin',
			'  npm run users -- passwd NAME',
			'  npm run users -- token NAME [--days N]',
			'  npm run users -- tokens NAME',
			'  npm run users -- revoke NAME [--token ID]',
			'  npm run users -- list'
		].join('\n')
	);
	process.exit(2);
}

function option(rest: string[], flag: string): string | undefined {
	const at = rest.indexOf(flag);
	return at >= 0 ? rest[at + 1] : undefined;
}

function days(rest: string[]): number | undefined {
	const raw = option(rest, '--days');
	if (raw === undefined) return undefined;
	if (!/^\d+$/.test(raw)) usage();
	return Number(raw);
}

async function main() {
	const [command, name, ...rest] = process.argv.slice(2);
	if (!command || (command !== 'list' && !name)) usage();
	if (['token', 'tokens', 'revoke'].includes(command)) {
		const url = await runningServer(1500);
		if (url) {
			process.exitCode = await viaServer(url, command, name!, {
				days: days(rest),
				token: option(rest, '--token')
			});
			return;
		}
	}
	const { db, config } = await openForCli();
	console.error(`Basis data: ${config.databasePath}`);
	try {
		if (command === 'add') {
			const role = option(rest, '--role');
			if (!role || !isRole(role)) usage();
			const password = await readPassword(name!);
			await db.withConnection((c) => addUser(c, name!, role, password));
			console.log(`Pengguna ${name} (${role}) disimpan.`);
		} else if (command === 'passwd') {
			const password = await readPassword(name!);
			const ended = await db.withConnection((c) => changePassword(c, name!, password));
			console.log(`Kata sandi ${name} diganti; ${ended} sesi peramban diakhiri.`);
		} else if (command === 'token') {
			const made = await db.withConnection((c) => createToken(c, name!, { days: days(rest) }));
			printNewToken(name!, made);
		} else if (command === 'tokens') {
			const tokens = await db.withConnection((c) => listTokens(c, name!));
			for (const t of tokens) console.log(tokenLine(t));
		} else if (command === 'revoke') {
			const id = option(rest, '--token');
			const revoked = await db.withConnection((c) => revokeTokens(c, name!, id));
			const ended = id ? 0 : await db.withConnection((c) => endSessions(c, name!));
			console.log(`${revoked} token dicabut, ${ended} sesi diakhiri untuk ${name}.`);
		} else if (command === 'list') {
			const rows = await db.withConnection(async (c) => {
				const reader = await c.runAndReadAll(`SELECT nama, peran FROM pengguna ORDER BY nama`);
				return reader.getRows();
			});
			for (const [n, r] of rows) console.log(`${n}\t${r}`);
		} else usage();
	} finally {
		db.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
