import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from '$lib/catalogue/indicators';
import { indicator } from './spec-rows';
import { takesFacts, whatItTakes, type TakesInput } from './what-it-takes';

const input = (over: Partial<TakesInput> & Pick<TakesInput, 'indicator'>): TakesInput => ({
	per: 'total',
	current: null,
	target: null,
	numeratorTotal: null,
	remainderTotal: null,
	...over
});

describe('takesFacts', () => {
	it('names the fact over the line and, for shares, the rest under it', () => {
		expect(takesFacts(indicator('anggota_per_koperasi'))).toEqual({
			numerator: ['jumlah_anggota'],
			remainder: []
		});
		expect(takesFacts(indicator('rasio_modal_sendiri'))).toEqual({
			numerator: ['modal_sendiri'],
			remainder: ['modal_luar']
		});
	});
});

describe('whatItTakes', () => {
	it('gives the change in the unit and in members, cooperatives held', () => {
		// 180,000 members in 704 active cooperatives = 255.7 per cooperative; the target is 300.
		const takes = whatItTakes(
			input({
				indicator: indicator('anggota_per_koperasi'),
				current: 180_000 / 704,
				target: 300,
				numeratorTotal: 180_000
			})
		);
		expect(takes.status).toBe('needed');
		if (takes.status !== 'needed') return;
		expect(takes.delta).toBeCloseTo(300 - 180_000 / 704);
		expect(takes.fact).toBe('jumlah_anggota');
		expect(takes.factDelta).toBe(300 * 704 - 180_000);
		expect(takes.held).toEqual({ population: false, facts: ['koperasi_aktif'] });
	});

	it('gives business volume in Rupiah without rounding', () => {
		const takes = whatItTakes(
			input({
				indicator: indicator('volume_usaha_per_koperasi'),
				current: 2_000_000_000,
				target: 3_000_000_000,
				numeratorTotal: 1_400_000_000_000
			})
		);
		expect(takes.status === 'needed' && takes.factDelta).toBeCloseTo(700_000_000_000);
	});

	it('rounds whole things up and holds the population for per-resident figures', () => {
		const takes = whatItTakes(
			input({
				indicator: indicator('koperasi_aktif'),
				per: 'population',
				current: 20,
				target: 25.1,
				numeratorTotal: 704
			})
		);
		expect(takes.status === 'needed' && takes.factDelta).toBe(Math.ceil((704 * 5.1) / 20));
		expect(takes.status === 'needed' && takes.held).toEqual({ population: true, facts: [] });
	});

	it('solves a share for its numerator with the rest held', () => {
		const own = 800;
		const outside = 1200;
		const current = evaluateIndicator(indicator('rasio_modal_sendiri'), 'total', {
			modal_sendiri: own,
			modal_luar: outside
		});
		const takes = whatItTakes(
			input({
				indicator: indicator('rasio_modal_sendiri'),
				current,
				target: 50,
				numeratorTotal: own,
				remainderTotal: outside
			})
		);
		expect(takes.status === 'needed' && takes.factDelta).toBeCloseTo(400);
		expect(takes.status === 'needed' && takes.held).toEqual({
			population: false,
			facts: ['modal_luar']
		});
	});

	it('reports a target already reached, in the direction of the indicator', () => {
		expect(
			whatItTakes(input({ indicator: indicator('kepatuhan_rat'), current: 50, target: 40 }))
		).toEqual({ status: 'reached', current: 50, target: 40 });
	});

	it('cannot translate from zero or without totals, and needs both figures', () => {
		const fromZero = whatItTakes(
			input({
				indicator: indicator('galeri_produk'),
				per: 'population',
				current: 0,
				target: 0.4,
				numeratorTotal: 0
			})
		);
		expect(fromZero.status === 'needed' && fromZero.delta).toBeCloseTo(0.4);
		expect(fromZero.status === 'needed' && fromZero.factDelta).toBeNull();
		expect(
			whatItTakes(input({ indicator: indicator('kepatuhan_rat'), current: null, target: 40 }))
		).toEqual({ status: 'no-data' });
		expect(
			whatItTakes(input({ indicator: indicator('kepatuhan_rat'), current: 30, target: null }))
		).toEqual({ status: 'no-data' });
	});
});
