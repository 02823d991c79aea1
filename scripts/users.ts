/**
 * User management for administrators on the server machine:
 *   npm run users -- add NAME --role viewer|analyst|admin   (password read from standard input)
 *   npm run users -- token NAME                              (prints a new API token, last line)
 *   npm run users -- list
 */
import { isRole } from '$lib/auth/roles';
import { addUser, createToken } from '$lib/server/auth/accounts';
import { openForCli } from '$lib/server/cli-database';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

function usage(): never {
	console.error(
		'Usage:\n  npm run users -- add NAME --role viewer|analyst|admin  (password on stdin)\n  npm run users -- token NAME\n  npm run users -- list'
	);
	process.exit(2);
}

async function main() {
	const [command, name, ...rest] = process.argv.slice(2);
	if (!command) usage();
	const { db } = await openForCli();
	try {
		if (command === 'add') {
			if (!name) usage();
			const roleIndex = rest.indexOf('--role');
			const role = roleIndex >= 0 ? rest[roleIndex + 1] : undefined;
			if (!role || !isRole(role)) usage();
			if (process.stdin.isTTY) console.error(`Kata sandi untuk ${name} (lalu Enter, Ctrl-D):`);
			const password = await readStdin();
			await db.withConnection((c) => addUser(c, name, role, password));
			console.log(`Pengguna ${name} (${role}) disimpan.`);
		} else if (command === 'token') {
			if (!name) usage();
			const token = await db.withConnection((c) => createToken(c, name));
			console.log(`Token API baru untuk ${name} (simpan, tidak ditampilkan lagi):`);
			console.log(token);
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
