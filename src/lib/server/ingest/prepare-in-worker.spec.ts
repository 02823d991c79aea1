import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPEC_REGIONS } from '$lib/upload/spec-regions';
import { prepareInWorker } from './prepare-in-worker';

/**
 * A register of `rows` cooperatives for one year: about 60 bytes a line. `lastLine` is added at
 * the end, as a file with one line the plain way cannot take (see stage-plain-file.ts).
 */
function register(rows: number, lastLine?: string): Uint8Array {
	const lines = ['id_koperasi;nama_koperasi;kode_wilayah;tahun;jumlah_anggota;status_data;sumber'];
	for (let i = 0; i < rows; i++)
		lines.push(`K${i};Koperasi ${i};32.16;2024;${i % 500};sintetis;Uji`);
	if (lastLine) lines.push(lastLine);
	return new TextEncoder().encode(lines.join('\n'));
}

describe('prepareInWorker', () => {
	let stagingDir: string;

	beforeEach(() => {
		stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koperasi-worker-'));
	});
	afterEach(() => fs.rmSync(stagingDir, { recursive: true, force: true }));

	const request = (bytes: Uint8Array) => ({
		kind: 'koperasi' as const,
		bytes,
		regions: SPEC_REGIONS,
		stagingDir,
		keepOriginal: true
	});

	it('stages the records and the original of a good file', async () => {
		const prepared = await prepareInWorker(request(register(100)));
		expect(prepared).toMatchObject({ kind: 'ready', rows: 100 });
		expect(fs.readdirSync(stagingDir).sort()).toEqual([
			expect.stringMatching(/\.original\.csv$/),
			expect.stringMatching(/\.records\.csv$/)
		]);
	});

	it('stages a plainly clean register in a heap smaller than the file', async () => {
		// No string per cell: the same 40 MB that the full way cannot parse in 48 MB (below).
		const prepared = await prepareInWorker(request(register(700_000)), {
			maxOldGenerationSizeMb: 48
		});
		// Past 16 MB the plain pass reads each half on a thread of its own; the halves stay apart.
		expect(prepared).toMatchObject({
			kind: 'ready',
			rows: 700_000,
			timings: { way: 'plain', halves: 2 }
		});
		if (prepared.kind !== 'ready') return;
		const [first, second] = prepared.recordsFiles.map((file) => fs.readFileSync(file, 'utf8'));
		const lines = `${first}${second!.slice(second!.indexOf('\n') + 1)}`.trimEnd().split('\n');
		expect(lines).toHaveLength(700_001);
		expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
			Array.from({ length: 700_000 }, (_, i) => i + 2)
		);
		// A 40 MB register: seconds of work, more on a busy machine; the limit only stops a hang.
	}, 60_000);

	it('leaves nothing staged when its worker runs out of memory', async () => {
		// 40 MB of text in a 48 MB heap: the original is staged at once, the plain pass reads to
		// the last line and gives up on its figure, then the full way's parsing runs out.
		const bytes = register(700_000, 'K-last;Koperasi;32.16;2024;1.234,5;sintetis;Uji');
		await expect(prepareInWorker(request(bytes), { maxOldGenerationSizeMb: 48 })).rejects.toThrow(
			/memory|exit code/i
		);
		expect(fs.readdirSync(stagingDir)).toEqual([]);
	}, 60_000);
});
