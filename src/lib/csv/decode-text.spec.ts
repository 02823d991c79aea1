import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from './decode-text';

const bytes = (...parts: (number[] | string)[]) =>
	Uint8Array.from(
		parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p))
	);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const HEADER = 'kode_wilayah,tahun,jumlah_koperasi,status_data,sumber\n';

describe('decodeText', () => {
	it('reads plain UTF-8, including Indonesian and typographic characters', () => {
		const text = `${HEADER}32.16,2024,1528,resmi,Dinas Koperasi – Kabupaten Bekasi “Café” Rp1.000 €\n`;
		expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
	});

	it('drops a UTF-8 byte-order mark and says it was there', () => {
		const result = decodeText(bytes([0xef, 0xbb, 0xbf], HEADER));
		expect(result).toEqual({ ok: true, text: HEADER, encoding: 'utf-8-bom' });
		expect(result.ok && result.text.charCodeAt(0)).toBe('k'.charCodeAt(0));
	});

	it('reads Windows-1252 bytes as the characters Windows meant (é, –, “ ”, €), not as Latin-1 controls', () => {
		const file = bytes(
			HEADER,
			'32.16,2024,1528,resmi,Dinas Koperasi Kabupaten Bekasi ',
			[0x96, 0x20, 0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x20, 0xc3, 0x0a]
		);
		const result = decodeText(file);
		expect(result).toEqual({
			ok: true,
			encoding: 'windows-1252',
			text: `${HEADER}32.16,2024,1528,resmi,Dinas Koperasi Kabupaten Bekasi – “Café” € Ã\n`
		});
		expect(result.ok && /[\u0080-\u009f]/.test(result.text)).toBe(false);
	});

	it('falls back to Windows-1252 when a single invalid UTF-8 byte comes late in a long file', () => {
		const ascii = `${HEADER}${'32.16,2024,1528,resmi,BPS\n'.repeat(100_000)}`;
		const result = decodeText(bytes(ascii, 'Koperasi ', [0xe9], '\n'));
		expect(result.ok && result.encoding).toBe('windows-1252');
		expect(result.ok && result.text.endsWith('Koperasi é\n')).toBe(true);
	});

	it.each([
		['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]],
		['zip (also .xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
		['legacy .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]],
		['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
		['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
		['GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
		['gzip', [0x1f, 0x8b, 0x08, 0x00]]
	])('refuses a %s file even when the rest of it reads as CSV', (_kind, magic) => {
		const file = bytes(magic, HEADER, '32.16,2024,1528,resmi,BPS\n');
		expect(looksBinary(file)).toBe(true);
		expect(decodeText(file)).toEqual({ ok: false });
	});

	it('refuses a file with a NUL byte in its first 8 KiB (UTF-16, binary data)', () => {
		expect(decodeText(bytes(HEADER, [0x00], '32.16\n'))).toEqual({ ok: false });
		expect(decodeText(new Uint8Array(Buffer.from(`\ufeff${HEADER}`, 'utf16le')))).toEqual({
			ok: false
		});
	});

	it.each([
		['an HTML page', '<!DOCTYPE html>\n<html><body>Koperasi</body></html>\n'],
		['an HTML page after blank lines', '\n\n  <html><body>x,y</body></html>'],
		['an XML file', '<?xml version="1.0"?><koperasi/>'],
		['a JSON object', '{"kode_wilayah": "32.16", "tahun": 2024}\n'],
		['a JSON array', '[{"kode_wilayah": "32.16"}]'],
		['a JSON array behind a BOM', '\ufeff[1, 2, 3]']
	])('refuses %s: it is text, but not a table', (_what, text) => {
		expect(decodeText(utf8(text))).toEqual({ ok: false });
	});

	it('accepts a CSV whose cells contain markup further on', () => {
		const text = `${HEADER}32.16,2024,1528,resmi,"<b>BPS</b> {2024}"\n`;
		expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
	});
});
