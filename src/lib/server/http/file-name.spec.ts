import { describe, expect, it } from 'vitest';
import { cleanFileName } from './file-name';

describe('cleanFileName (the name an upload keeps in the history)', () => {
	it('keeps an ordinary name as it is', () => {
		expect(cleanFileName('koperasi 2024 (final).csv')).toBe('koperasi 2024 (final).csv');
		expect(cleanFileName('Data UMKM Kab. Bekasi – 2025.csv')).toBe(
			'Data UMKM Kab. Bekasi – 2025.csv'
		);
	});

	it('removes control characters, line breaks and bidi overrides', () => {
		expect(cleanFileName('a\u0000b\tc\r\nd\u007f\u0085e.csv')).toBe('abcde.csv');
		expect(cleanFileName('laporan\u202egpj.csv')).toBe('laporangpj.csv');
	});

	it('drops any folder part', () => {
		expect(cleanFileName('C:\\Users\\siti\\koperasi.csv')).toBe('koperasi.csv');
		expect(cleanFileName('../../etc/koperasi.csv')).toBe('koperasi.csv');
	});

	it('shortens a long name to 120 characters, keeping the extension', () => {
		const cleaned = cleanFileName(`${'x'.repeat(500)}.csv`);
		expect([...cleaned]).toHaveLength(120);
		expect(cleaned.endsWith('….csv')).toBe(true);
	});

	it('answers berkas.csv for a name with nothing left', () => {
		expect(cleanFileName('\u0001\u0002')).toBe('berkas.csv');
		expect(cleanFileName('')).toBe('berkas.csv');
	});
});
