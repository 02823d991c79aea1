/**
 * Reads and checks the multipart form of an upload. The declared size is checked before the body
 * is read, so an oversized file is refused without being held in memory.
 */
import type { NumberConvention } from '$lib/csv/parse-number';

export interface UploadFields {
	kind: string;
	mode: 'append' | 'replace';
	source: string | null;
	dryRun: boolean;
	conventions: Record<string, NumberConvention>;
}

type Message = { id: string; en: string };

export type UploadForm =
	{ ok: true; file: File; fields: UploadFields } | { ok: false; status: number; message: Message };

const MULTIPART_OVERHEAD = 64 * 1024;

function refuse(status: number, id: string, en: string): UploadForm {
	return { ok: false, status, message: { id, en } };
}

function tooLarge(limit: number): UploadForm {
	const mb = Math.round(limit / 1024 / 1024);
	return refuse(
		413,
		`Berkas melebihi batas ${mb} MB. Pecah berkas per tahun atau per wilayah.`,
		`The file exceeds the ${mb} MB limit. Split it by year or region.`
	);
}

export async function readUploadForm(request: Request, limit: number): Promise<UploadForm> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit + MULTIPART_OVERHEAD) return tooLarge(limit);
	if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? ''))
		return refuse(
			415,
			'Kirim sebagai multipart/form-data dengan kolom "file".',
			'Send multipart/form-data with a "file" field.'
		);
	let form: FormData;
	try {
		form = await request.formData();
	} catch (error) {
		// adapter-node cuts a body without Content-Length at BODY_SIZE_LIMIT with a 413 error.
		if ((error as { status?: unknown } | null)?.status === 413) return tooLarge(limit);
		return refuse(400, 'Formulir unggahan tidak dapat dibaca.', 'The upload form cannot be read.');
	}
	const file = form.get('file');
	if (!(file instanceof File))
		return refuse(400, 'Kolom "file" tidak ada.', 'The "file" field is missing.');
	if (file.size > limit) return tooLarge(limit);
	const mode = String(form.get('mode') ?? 'append');
	if (mode !== 'append' && mode !== 'replace')
		return refuse(
			400,
			`Mode "${mode}" tidak dikenal: pakai append atau replace.`,
			`Unknown mode "${mode}": use append or replace.`
		);
	const source = form.get('source');
	const sourceText = typeof source === 'string' && source.trim() !== '' ? source.trim() : null;
	if (sourceText && sourceText.length > 500)
		return refuse(
			400,
			'Catatan sumber terlalu panjang (maks. 500 karakter).',
			'The source note is too long (500 characters at most).'
		);
	let conventions: Record<string, NumberConvention> = {};
	const conventionsText = form.get('conventions');
	if (typeof conventionsText === 'string' && conventionsText !== '') {
		try {
			const parsed: unknown = JSON.parse(conventionsText);
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
			conventions = Object.fromEntries(
				Object.entries(parsed).filter(([, v]) => v === 'id' || v === 'en')
			) as Record<string, NumberConvention>;
		} catch {
			return refuse(
				400,
				'Kolom "conventions" harus JSON, mis. {"volume_usaha":"id"}.',
				'The "conventions" field must be JSON, e.g. {"volume_usaha":"id"}.'
			);
		}
	}
	return {
		ok: true,
		file,
		fields: {
			kind: String(form.get('kind') ?? ''),
			mode,
			source: sourceText,
			dryRun: form.get('dry_run') === '1' || form.get('dry_run') === 'true',
			conventions
		}
	};
}
