import { describe, expect, it } from 'vitest';
import { indicatorQueryParams, MAX_REGIONS, parseIndicatorQuery } from './indicator-query';

const DEFAULTS = { from: 2019, to: 2025 };

function parse(query: string) {
	return parseIndicatorQuery(new URLSearchParams(query), DEFAULTS);
}

function errorOf(query: string): string {
	const parsed = parse(query);
	if (parsed.ok) throw new Error(`"${query}" was accepted`);
	return parsed.error;
}

describe('parseIndicatorQuery', () => {
	it('reads a full question', () => {
		const parsed = parse(
			'indicator=jumlah_umkm&regions=32.16,32.75&from=2020&to=2024&per=population&format=arrow'
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.format).toBe('arrow');
		expect(parsed.query.indicator.id).toBe('jumlah_umkm');
		expect(parsed.query).toMatchObject({
			regions: ['32.16', '32.75'],
			from: 2020,
			to: 2024,
			per: 'population'
		});
	});

	it('fills in the data years, the total and JSON when they are not given', () => {
		const parsed = parse('indicator=koperasi_aktif&regions=32.16');
		expect(parsed).toMatchObject({
			ok: true,
			format: 'json',
			query: { from: 2019, to: 2025, per: 'total' }
		});
		expect(parse('indicator=koperasi_aktif&regions=32.16&from=&to=')).toMatchObject({
			query: { from: 2019, to: 2025 }
		});
	});

	it('accepts the page language as a parameter', () => {
		expect(parse('indicator=koperasi_aktif&regions=19&lang=en').ok).toBe(true);
	});

	it('keeps the order of regions and drops repeats and spaces', () => {
		expect(parse('indicator=aset&regions=32.75, 19 ,32.75,32.16')).toMatchObject({
			query: { regions: ['32.75', '19', '32.16'] }
		});
	});

	it.each(['regions', 'indicator', 'from', 'per', 'format'])(
		'refuses the parameter %s given twice, naming it, instead of keeping the first',
		(name) => {
			const once: Record<string, string> = {
				indicator: 'indicator=aset',
				regions: 'regions=19',
				from: 'from=2019',
				per: 'per=total',
				format: 'format=json'
			};
			const query = [...Object.values(once), once[name]].join('&');
			expect(errorOf(query)).toBe(`Parameter "${name}" is given more than once`);
		}
	);

	it('names an unknown parameter', () => {
		expect(errorOf('indicator=aset&regions=19&region=32.16')).toBe('Unknown parameter "region"');
	});

	it('requires an indicator and names an unknown one', () => {
		expect(errorOf('regions=19')).toContain('"indicator"');
		expect(errorOf('indicator=koperasi_hidup&regions=19')).toBe(
			'Unknown indicator "koperasi_hidup"'
		);
	});

	it('requires regions and names a malformed region code', () => {
		expect(errorOf('indicator=aset')).toContain('"regions"');
		expect(errorOf('indicator=aset&regions=32.16,3216')).toContain('"3216"');
		expect(errorOf('indicator=aset&regions=32.16,')).toContain('Unknown region ""');
		expect(errorOf("indicator=aset&regions=32.16');DROP TABLE koperasi;--")).toContain(
			`"32.16');DROP TABLE koperasi;--"`
		);
	});

	it('refuses more regions than a query may ask for', () => {
		const codes = Array.from(
			{ length: MAX_REGIONS + 1 },
			(_, i) =>
				`${String(11 + Math.floor(i / 99)).padStart(2, '0')}.${String((i % 99) + 1).padStart(2, '0')}`
		);
		expect(new Set(codes).size).toBe(MAX_REGIONS + 1);
		expect(errorOf(`indicator=aset&regions=${codes.join(',')}`)).toContain(
			`Too many regions (${MAX_REGIONS + 1})`
		);
		expect(parse(`indicator=aset&regions=${codes.slice(1).join(',')}`).ok).toBe(true);
	});

	it('names a year parameter that is not a four-digit year or is out of bounds', () => {
		expect(errorOf('indicator=aset&regions=19&from=20x3')).toBe(
			'Parameter "from" must be a four-digit year, got "20x3"'
		);
		expect(errorOf('indicator=aset&regions=19&to=99')).toContain('"to"');
		expect(errorOf('indicator=aset&regions=19&to=99')).toContain('"99"');
		expect(errorOf('indicator=aset&regions=19&from=1999')).toContain('"from"');
		expect(errorOf('indicator=aset&regions=19&to=2101')).toContain('"to"');
	});

	it('refuses a range that ends before it starts, naming both years', () => {
		expect(errorOf('indicator=aset&regions=19&from=2025&to=2020')).toBe(
			'"from" (2025) is after "to" (2020)'
		);
	});

	it('names an unknown normalisation', () => {
		expect(errorOf('indicator=aset&regions=19&per=capita')).toContain('"capita"');
	});

	it('names a normalisation the indicator does not allow, listing those it does', () => {
		expect(errorOf('indicator=persen_koperasi_aktif&regions=19&per=population')).toBe(
			'Normalisation "population" does not apply to "persen_koperasi_aktif": use total'
		);
		expect(errorOf('indicator=koperasi_aktif&regions=19&per=cooperative')).toContain(
			'"cooperative"'
		);
	});

	it('names an unknown format', () => {
		expect(errorOf('indicator=aset&regions=19&format=xlsx')).toContain('"xlsx"');
	});
});

describe('indicatorQueryParams', () => {
	it('writes parameters that parse back to the same question', () => {
		const params = indicatorQueryParams(
			{ indicator: 'aset', regions: ['32.16', '19'], from: 2020, to: 2023, per: 'member' },
			'csv'
		);
		const parsed = parseIndicatorQuery(params, DEFAULTS);
		expect(parsed).toMatchObject({
			ok: true,
			format: 'csv',
			query: { regions: ['32.16', '19'], from: 2020, to: 2023, per: 'member' }
		});
		expect(parsed.ok && parsed.query.indicator.id).toBe('aset');
	});
});
