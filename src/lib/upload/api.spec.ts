import { describe, expect, it } from 'vitest';
import { fetchVersions, postUpload, revertVersion, type UploadRequest } from './api';

const request = (over: Partial<UploadRequest> = {}): UploadRequest => ({
	file: new File(['kode_wilayah;tahun\n'], 'data.csv', { type: 'text/csv' }),
	kind: 'koperasi',
	mode: 'replace',
	source: '  Dinas Koperasi  ',
	conventions: { jumlah_anggota: 'id' },
	dryRun: true,
	locale: 'en',
	...over
});

function answering(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}) {
	return (async (url: string, init?: RequestInit) => {
		seen.url = url;
		seen.init = init;
		return typeof body === 'string'
			? new Response(body, { status })
			: Response.json(body, { status });
	}) as unknown as typeof fetch;
}

const changes = { added: 2, replaced: 1, by_region_year: [] };

describe('postUpload', () => {
	it('sends every field the API reads, in the page language', async () => {
		const seen: { url?: string; init?: RequestInit } = {};
		await postUpload(answering(200, { dry_run: true, changes, rows: 2 }, seen), request());
		expect(seen.url).toBe('/api/datasets?lang=en');
		const form = seen.init?.body as FormData;
		expect(form.get('kind')).toBe('koperasi');
		expect(form.get('mode')).toBe('replace');
		expect(form.get('source')).toBe('Dinas Koperasi');
		expect(form.get('dry_run')).toBe('1');
		expect(form.get('conventions')).toBe('{"jumlah_anggota":"id"}');
		expect((form.get('file') as File).name).toBe('data.csv');
	});

	it('leaves out empty optional fields and the dry-run flag when storing', async () => {
		const seen: { url?: string; init?: RequestInit } = {};
		await postUpload(
			answering(201, { version: { id: 9 }, changes, rows: 2 }, seen),
			request({ source: ' ', conventions: {}, dryRun: false })
		);
		const form = seen.init?.body as FormData;
		expect([...form.keys()].sort()).toEqual(['file', 'kind', 'mode']);
	});

	it('tells a plan, a stored version, problems and refusals apart', async () => {
		expect(
			await postUpload(answering(200, { dry_run: true, changes, rows: 3 }), request())
		).toEqual({ kind: 'planned', changes, rows: 3 });
		expect(
			await postUpload(answering(201, { version: { id: 4 }, changes, rows: 3 }), request())
		).toMatchObject({ kind: 'stored', version: { id: 4 } });
		const problems = [{ line: 2, column: 'x', value: '1', message: 'm', fix: 'f' }];
		const groups = [{ ...problems[0]!, count: 1, lines: [2] }];
		expect(
			await postUpload(
				answering(422, {
					message: 'The file has 1 problem(s)',
					problem_count: 1,
					problems,
					groups
				}),
				request()
			)
		).toEqual({
			kind: 'problems',
			message: 'The file has 1 problem(s)',
			problemCount: 1,
			problems,
			groups
		});
		expect(
			await postUpload(answering(403, { message: 'Your role may not upload data.' }), request())
		).toEqual({ kind: 'refused', status: 403, message: 'Your role may not upload data.' });
	});

	it('falls back to its own words when the body is not our JSON', async () => {
		expect(
			await postUpload(answering(413, 'Payload Too Large'), request({ locale: 'id' }))
		).toEqual({ kind: 'refused', status: 413, message: 'Berkas terlalu besar untuk server.' });
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof fetch;
		expect(await postUpload(offline, request())).toMatchObject({ kind: 'refused', status: 0 });
	});

	it('prefers the English text of a hooks-level refusal', async () => {
		const body = {
			message: 'Permintaan dari situs lain ditolak.',
			message_en: 'Cross-site request refused.'
		};
		expect(await postUpload(answering(403, body), request())).toMatchObject({
			message: 'Cross-site request refused.'
		});
	});
});

describe('history calls', () => {
	it('lists versions and undoes one', async () => {
		const seen: { url?: string; init?: RequestInit } = {};
		await expect(
			fetchVersions(answering(200, { versions: [{ id: 1 }] }, seen), 'id')
		).resolves.toEqual([{ id: 1 }]);
		expect(seen.url).toBe('/api/datasets?lang=id');
		expect(await revertVersion(answering(200, { version: { id: 3 } }, seen), 3, 'en')).toEqual({
			kind: 'reverted',
			version: { id: 3 }
		});
		expect(seen.url).toBe('/api/datasets/3/revert?lang=en');
		expect(seen.init?.method).toBe('POST');
		expect(
			await revertVersion(answering(409, { message: 'Undo the latest first.' }), 3, 'en')
		).toEqual({ kind: 'refused', status: 409, message: 'Undo the latest first.' });
	});

	it('throws the server message when the list cannot be read', async () => {
		await expect(fetchVersions(answering(500, { message: 'boom' }), 'en')).rejects.toThrow('boom');
	});
});
