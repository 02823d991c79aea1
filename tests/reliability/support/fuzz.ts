/**
 * Upload fuzzing: valid files mutated at random (bit flips, cuts, swapped delimiters, hostile
 * headers and cells, binary junk) are posted as dry runs. Every answer must be a deliberate one
 * (200, 400, 413, 415 or 422) in JSON without internals, the process must stay up, and nothing may
 * be stored.
 */
import { cooperativeFile, emptyRegions, upload } from './files';
import { random, type Random } from './random';
import type { RunningServer } from './server';

export interface FuzzSummary {
	iterations: number;
	seed: number;
	statuses: Record<string, number>;
	failures: string[];
}

const HOSTILE = [
	'__proto__',
	'constructor',
	'prototype',
	'__proto__.isAdmin',
	'hasOwnProperty',
	'toString',
	'<img src=x onerror=alert(1)>',
	'=HYPERLINK("http://x")',
	'a"; DROP TABLE pengguna; --',
	"'); COPY (SELECT 1) TO '/tmp/x",
	'\u0000',
	'\u202evsc.exe',
	'x'.repeat(5000)
];

const ALLOWED = new Set([200, 400, 413, 415, 422]);

/** A stack frame, the engine's name or one of its error classes: never shown to a client. */
export const INTERNALS =
	/\bat (async )?\S+ \(?[^\s()]+:\d+:\d+\)?|duckdb|(Binder|Parser|Catalog|Conversion|Constraint|IO|Invalid Input|Internal|Transaction|Out of Memory) Error/i;

function mutate(base: Buffer, rng: Random): { bytes: Buffer; how: string } {
	const bytes = Buffer.from(base);
	switch (rng.int(0, 9)) {
		case 0: {
			const flips = rng.int(1, 20);
			for (let i = 0; i < flips; i++) bytes[rng.int(0, bytes.length - 1)]! ^= 1 << rng.int(0, 7);
			return { bytes, how: `${flips} bit flips` };
		}
		case 1:
			return { bytes: bytes.subarray(0, rng.int(0, bytes.length)), how: 'cut short' };
		case 2: {
			const text = bytes.toString('latin1');
			const from = rng.pick([',', '\n', '"', '.']);
			const to = rng.pick([';', '\t', '|', '\r', '"', '', ',,']);
			return { bytes: Buffer.from(text.split(from).join(to), 'latin1'), how: `${from}→${to}` };
		}
		case 3: {
			const lines = bytes.toString('utf8').split('\n');
			const header = lines[0]!.split(',');
			header[rng.int(0, header.length - 1)] = rng.pick(HOSTILE);
			if (rng.next() < 0.5) header.push(rng.pick(HOSTILE));
			lines[0] = header.join(',');
			return { bytes: Buffer.from(lines.join('\n')), how: 'hostile header' };
		}
		case 4: {
			const lines = bytes.toString('utf8').split('\n');
			const at = rng.int(1, Math.max(1, lines.length - 2));
			const cells = lines[at]!.split(',');
			cells[rng.int(0, cells.length - 1)] = JSON.stringify(rng.pick(HOSTILE));
			lines[at] = cells.join(',');
			return { bytes: Buffer.from(lines.join('\n')), how: 'hostile cell' };
		}
		case 5: {
			const junk = Buffer.alloc(rng.int(1, 4096));
			for (let i = 0; i < junk.length; i++) junk[i] = rng.int(0, 255);
			const at = rng.int(0, bytes.length);
			return {
				bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]),
				how: 'junk inserted'
			};
		}
		case 6:
			return {
				bytes: Buffer.concat([
					rng.pick([
						Buffer.from([0xef, 0xbb, 0xbf]),
						Buffer.from([0xff, 0xfe]),
						Buffer.from([0xfe, 0xff])
					]),
					bytes
				]),
				how: 'BOM'
			};
		case 7: {
			const lines = bytes.toString('utf8').split('\n');
			const at = rng.int(1, Math.max(1, lines.length - 1));
			lines.splice(at, 0, ...Array.from({ length: rng.int(1, 50) }, () => lines[at] ?? ''));
			return { bytes: Buffer.from(lines.join('\n')), how: 'duplicated lines' };
		}
		case 8:
			return {
				bytes: Buffer.from(rng.pick(['', '\n\n\n', ',,,,\n', '"', '\ufeff', 'kode_wilayah\n'])),
				how: 'degenerate'
			};
		default: {
			const junk = Buffer.alloc(rng.int(1, 20_000));
			for (let i = 0; i < junk.length; i++) junk[i] = rng.int(0, 255);
			return { bytes: junk, how: 'random bytes' };
		}
	}
}

export async function runUploadFuzz(options: {
	server: RunningServer;
	token: string;
	iterations: number;
	randomSeed: number;
	log?: (line: string) => void;
}): Promise<FuzzSummary> {
	const rng = random(options.randomSeed);
	const base = Buffer.from(
		cooperativeFile({ regions: emptyRegions(3), perRegionYear: 2, k: 1, tag: 'fuzz' }).csv
	);
	const summary: FuzzSummary = {
		iterations: options.iterations,
		seed: options.randomSeed,
		statuses: {},
		failures: []
	};
	for (let i = 0; i < options.iterations; i++) {
		const { bytes, how } = mutate(base, rng);
		const name = rng.next() < 0.2 ? `${rng.pick(HOSTILE)}.csv` : 'fuzz.csv';
		const fields: Record<string, string> = { dry_run: '1' };
		if (rng.next() < 0.2) fields.source = rng.pick(HOSTILE);
		if (rng.next() < 0.1)
			fields.conventions = `{"__proto__":{"isAdmin":true},"constructor":"id",${JSON.stringify(rng.pick(HOSTILE))}:"en"}`;
		let status = 0;
		let text = '';
		try {
			const response = await upload(
				options.server.url,
				options.token,
				{ csv: bytes, name },
				fields
			);
			status = response.status;
			text = await response.text();
		} catch (error) {
			text = (error as Error).message;
		}
		summary.statuses[status] = (summary.statuses[status] ?? 0) + 1;
		const problem = !ALLOWED.has(status)
			? `status ${status}`
			: !/^\{/.test(text)
				? 'not JSON'
				: INTERNALS.test(text)
					? 'internals in the answer'
					: null;
		if (problem && summary.failures.length < 20)
			summary.failures.push(
				`#${i} (${how}, seed ${options.randomSeed}): ${problem}: ${text.slice(0, 300)}`
			);
		if ((i + 1) % 500 === 0)
			options.log?.(`fuzz ${i + 1}/${options.iterations}: ${JSON.stringify(summary.statuses)}`);
	}
	return summary;
}
