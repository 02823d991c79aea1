import { describe, expect, it } from 'vitest';
import { peerGroup, type PeerGroupResult } from './peer-group';
import { BABEL, BEKASI, JABAR, REGIONS } from './spec-regions';

const codes = (result: PeerGroupResult) =>
	result.ok ? result.group.regions.map((r) => r.code) : [];

describe('peerGroup', () => {
	it("defaults to the regencies and cities of the focus region's province, focus included", () => {
		const result = peerGroup('provinsi', BEKASI, REGIONS);
		expect(codes(result)).toEqual(['32.01', '32.16', '32.75']);
		expect(result.ok && result.group.scope).toEqual({ kind: 'province', province: JABAR });
	});

	it('takes every region of the same level nationwide', () => {
		expect(codes(peerGroup('nasional', BEKASI, REGIONS))).toEqual([
			'19.01',
			'32.01',
			'32.16',
			'32.75'
		]);
		expect(codes(peerGroup('nasional', BABEL, REGIONS))).toEqual(['19', '32']);
	});

	it('falls back to all provinces when a province asks for its own province', () => {
		const result = peerGroup('provinsi', BABEL, REGIONS);
		expect(codes(result)).toEqual(['19', '32']);
		expect(result.ok && result.group.fellBack).toBe(true);
	});

	it('adds the focus region to a hand-picked list, once, in code order', () => {
		expect(codes(peerGroup('pilihan', BEKASI, REGIONS, ['32.75', '19', '32.16']))).toEqual([
			'19',
			'32.16',
			'32.75'
		]);
		expect(codes(peerGroup('pilihan', BEKASI, REGIONS, []))).toEqual(['32.16']);
	});

	it('refuses a hand-picked code that is not a region', () => {
		expect(peerGroup('pilihan', BEKASI, REGIONS, ['32.01', '99.99'])).toEqual({
			ok: false,
			unknown: '99.99'
		});
	});
});
