import { describe, expect, it } from 'vitest';
import {
	addTokens,
	drilledProvince,
	expandRegionSet,
	isRegionToken,
	peerGroup,
	removeToken
} from './region-set';
import { REGIONS } from './spec-regions';

const codes = (tokens: string[]) => expandRegionSet(tokens, REGIONS).regions.map((r) => r.code);

describe('isRegionToken', () => {
	it('accepts codes and group tokens only', () => {
		for (const ok of ['32', '32.16', '32.*', '*', '*.*']) expect(isRegionToken(ok), ok).toBe(true);
		for (const bad of ['3216', '32.1', '**', '32.*.*', 'Bekasi', '', ' 32']) {
			expect(isRegionToken(bad), bad).toBe(false);
		}
	});
});

describe('expandRegionSet', () => {
	it('expands group tokens and keeps code order, each region once', () => {
		expect(codes(['32.*'])).toEqual(['32.01', '32.04', '32.16', '32.73', '32.75', '32.78']);
		expect(codes(['*'])).toEqual(['19', '32']);
		expect(codes(['*.*'])).toHaveLength(8);
		expect(codes(['32.16', '19', '32.*'])).toEqual([
			'19',
			'32.01',
			'32.04',
			'32.16',
			'32.73',
			'32.75',
			'32.78'
		]);
	});

	it('reports tokens that name no known region', () => {
		expect(expandRegionSet(['32.16', '99.01', '33.*'], REGIONS).unknown).toEqual(['99.01', '33.*']);
	});
});

describe('addTokens', () => {
	it('adds new tokens once, at the end', () => {
		expect(addTokens(['32.16'], ['19', '32.16'])).toEqual(['32.16', '19']);
	});

	it('lets a group absorb the regions it includes', () => {
		expect(addTokens(['32.16', '32.73', '19.01', '19'], ['32.*'])).toEqual(['19.01', '19', '32.*']);
		expect(addTokens(['32', '19', '32.16'], ['*'])).toEqual(['32.16', '*']);
		expect(addTokens(['32.*', '19.01', '32'], ['*.*'])).toEqual(['32', '*.*']);
	});

	it('ignores a region its group already includes, and malformed tokens', () => {
		expect(addTokens(['32.*'], ['32.16', 'x'])).toEqual(['32.*']);
		expect(addTokens(['*'], ['19'])).toEqual(['*']);
	});
});

describe('removeToken and drilledProvince', () => {
	it('removes one token', () => {
		expect(removeToken(['32.*', '19'], '32.*')).toEqual(['19']);
	});

	it('names the province when the set is exactly its regencies/cities', () => {
		expect(drilledProvince(['32.*'])).toBe('32');
		expect(drilledProvince(['32.*', '19'])).toBeNull();
		expect(drilledProvince(['*'])).toBeNull();
	});
});

describe('peerGroup', () => {
	it('takes the focus and the regions of its level in its province nearest in population', () => {
		const bekasi = REGIONS.find((r) => r.code === '32.16')!;
		expect(peerGroup(REGIONS, bekasi, 4)).toEqual(['32.16', '32.04', '32.75', '32.73']);
	});

	it('compares provinces with provinces', () => {
		const jabar = REGIONS.find((r) => r.code === '32')!;
		expect(peerGroup(REGIONS, jabar)).toEqual(['32', '19']);
	});
});
