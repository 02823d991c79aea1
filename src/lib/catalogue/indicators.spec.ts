import { describe, expect, it } from 'vitest';
import { DATASETS, DATASET_KINDS, FACT_DATASETS, datasetOfFact, type FactId } from './datasets';
import {
	INDICATORS,
	NORMALISATIONS,
	NORMALISER,
	evaluateIndicator,
	factsNeeded,
	findIndicator,
	type Indicator
} from './indicators';

function indicator(id: string): Indicator {
	const found = findIndicator(id);
	if (!found) throw new Error(`No indicator ${id} in the catalogue`);
	return found;
}

describe('the indicator catalogue', () => {
	it('gives every indicator a unique id', () => {
		const ids = INDICATORS.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('builds every formula from facts that a fact dataset stores', () => {
		for (const { id, formula } of INDICATORS) {
			for (const fact of [...formula.numerator, ...(formula.denominator ?? [])]) {
				const kind = datasetOfFact(fact).kind;
				expect(FACT_DATASETS as readonly string[], `${id} uses ${fact}`).toContain(kind);
			}
		}
	});

	it('divides normalised figures by facts that a dataset stores', () => {
		for (const { fact } of Object.values(NORMALISER)) {
			expect(() => datasetOfFact(fact)).not.toThrow();
		}
	});

	it('allows only the total for a ratio', () => {
		const ratios = INDICATORS.filter((i) => i.formula.denominator);
		expect(ratios.length).toBeGreaterThan(0);
		for (const ratio of ratios) expect(ratio.normalisations, ratio.id).toEqual(['total']);
	});

	it('offers the total for every indicator and only known normalisations', () => {
		for (const { id, normalisations } of INDICATORS) {
			expect(normalisations, id).toContain('total');
			for (const per of normalisations) expect(NORMALISATIONS, id).toContain(per);
		}
	});

	it('never normalises a figure by the fact it counts', () => {
		for (const { id, formula, normalisations } of INDICATORS) {
			for (const per of normalisations) {
				if (per === 'total') continue;
				expect(formula.numerator, `${id} per ${per}`).not.toContain(NORMALISER[per].fact);
			}
		}
	});

	it('labels and defines every indicator in Indonesian and English', () => {
		for (const { id, label, definition } of INDICATORS) {
			for (const text of [label.id, label.en, definition.id, definition.en]) {
				expect(text.trim(), id).not.toBe('');
			}
		}
	});

	it('finds indicators by id and nothing else', () => {
		expect(findIndicator('koperasi_aktif')?.id).toBe('koperasi_aktif');
		expect(findIndicator('KOPERASI_AKTIF')).toBeUndefined();
		expect(findIndicator('__proto__')).toBeUndefined();
	});
});

describe('the dataset definitions', () => {
	it('give every fact a unique id across datasets', () => {
		const ids = DATASET_KINDS.flatMap((kind) => DATASETS[kind].facts.map((f) => f.id));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('give no two columns of one dataset the same header synonym', () => {
		for (const kind of DATASET_KINDS) {
			const dataset = DATASETS[kind];
			const names = dataset.facts.flatMap((f) => [f.id, ...f.aliases]);
			if ('dimension' in dataset) names.push(dataset.dimension.id, ...dataset.dimension.aliases);
			expect(new Set(names).size, kind).toBe(names.length);
		}
	});

	it('let only SHU be negative', () => {
		const negative = DATASET_KINDS.flatMap((kind) =>
			DATASETS[kind].facts.filter((f) => 'allowNegative' in f && f.allowNegative).map((f) => f.id)
		);
		expect(negative).toEqual(['shu']);
	});
});

describe('factsNeeded', () => {
	it('lists the formula facts and, when normalised, the divisor', () => {
		expect(factsNeeded(indicator('rasio_modal_sendiri'), 'total')).toEqual([
			'modal_sendiri',
			'modal_luar'
		]);
		expect(factsNeeded(indicator('aset'), 'population')).toEqual(['aset', 'jumlah_penduduk']);
		expect(factsNeeded(indicator('aset'), 'cooperative')).toEqual(['aset', 'koperasi_aktif']);
		expect(factsNeeded(indicator('aset'), 'member')).toEqual(['aset', 'jumlah_anggota']);
	});
});

describe('evaluateIndicator', () => {
	const values = (facts: Partial<Record<FactId, number | null>>) => facts;

	it('gives a base fact as its sum', () => {
		expect(evaluateIndicator(indicator('koperasi_aktif'), 'total', { koperasi_aktif: 691 })).toBe(
			691
		);
	});

	it('divides and scales a percentage', () => {
		const v = values({ koperasi_aktif: 1248, jumlah_koperasi: 1671 });
		expect(evaluateIndicator(indicator('persen_koperasi_aktif'), 'total', v)).toBeCloseTo(
			(1248 / 1671) * 100,
			12
		);
	});

	it('sums a denominator made of several facts', () => {
		const v = values({ modal_sendiri: 300, modal_luar: 100 });
		expect(evaluateIndicator(indicator('rasio_modal_sendiri'), 'total', v)).toBe(75);
	});

	it('keeps a ratio without a scale unscaled', () => {
		const v = values({ jumlah_anggota: 5000, koperasi_aktif: 40 });
		expect(evaluateIndicator(indicator('anggota_per_koperasi'), 'total', v)).toBe(125);
	});

	it('gives a negative margin for a loss year', () => {
		const v = values({ shu: -50, volume_usaha: 1000 });
		expect(evaluateIndicator(indicator('marjin_shu'), 'total', v)).toBe(-5);
	});

	it('counts per 100,000 residents', () => {
		const v = values({ jumlah_umkm: 250, jumlah_penduduk: 1_000_000 });
		expect(evaluateIndicator(indicator('jumlah_umkm'), 'population', v)).toBe(25);
	});

	it('divides by active cooperatives and by members', () => {
		expect(
			evaluateIndicator(indicator('aset'), 'cooperative', { aset: 1000, koperasi_aktif: 4 })
		).toBe(250);
		expect(evaluateIndicator(indicator('aset'), 'member', { aset: 1000, jumlah_anggota: 8 })).toBe(
			125
		);
	});

	it('gives zero, not null, for a zero numerator', () => {
		const v = values({ umkm_ekspor: 0, jumlah_umkm: 10 });
		expect(evaluateIndicator(indicator('persen_umkm_ekspor'), 'total', v)).toBe(0);
	});

	it('gives null when a numerator fact is missing or null', () => {
		expect(evaluateIndicator(indicator('aset'), 'total', {})).toBeNull();
		expect(evaluateIndicator(indicator('aset'), 'total', { aset: null })).toBeNull();
		const v = values({ modal_sendiri: null, modal_luar: 5 });
		expect(evaluateIndicator(indicator('rasio_modal_sendiri'), 'total', v)).toBeNull();
	});

	it('gives null when a denominator fact is missing', () => {
		const v = values({ modal_sendiri: 5, modal_luar: null });
		expect(evaluateIndicator(indicator('rasio_modal_sendiri'), 'total', v)).toBeNull();
		expect(evaluateIndicator(indicator('kepatuhan_rat'), 'total', { koperasi_rat: 3 })).toBeNull();
	});

	it('gives null for a zero denominator', () => {
		const v = values({ koperasi_rat: 0, koperasi_aktif: 0 });
		expect(evaluateIndicator(indicator('kepatuhan_rat'), 'total', v)).toBeNull();
		const cancelled = values({ modal_sendiri: 5, modal_luar: -5 });
		expect(evaluateIndicator(indicator('rasio_modal_sendiri'), 'total', cancelled)).toBeNull();
	});

	it('gives null for a zero or missing normaliser', () => {
		expect(
			evaluateIndicator(indicator('aset'), 'population', { aset: 1, jumlah_penduduk: 0 })
		).toBeNull();
		expect(evaluateIndicator(indicator('aset'), 'population', { aset: 1 })).toBeNull();
		expect(
			evaluateIndicator(indicator('aset'), 'cooperative', { aset: 1, koperasi_aktif: null })
		).toBeNull();
	});
});
