/**
 * Test-only: creates accounts and API tokens in a database that no server holds, in one process
 * (the users CLI does one account per run). Prints JSON: { name: { role, password, token } }.
 *   tsx tests/reliability/support/seed-accounts.ts admin:admin analis:analyst pemirsa:viewer
 */
import { isRole } from '$lib/auth/roles';
import { addUser } from '$lib/server/auth/accounts';
import { createToken } from '$lib/server/auth/api-tokens';
import { openForCli } from '$lib/server/cli-database';

const { db } = await openForCli();
const accounts: Record<string, { role: string; password: string; token: string }> = {};
try {
	for (const spec of process.argv.slice(2)) {
		const [name, role] = spec.split(':');
		if (!name || !role || !isRole(role)) throw new Error(`Bad account ${spec}`);
		const password = `sandi-uji-${name}-12345`;
		await db.withConnection((c) => addUser(c, name, role, password));
		const { token } = await db.withConnection((c) => createToken(c, name));
		accounts[name] = { role, password, token };
	}
} finally {
	db.close();
}
console.log(JSON.stringify(accounts));
