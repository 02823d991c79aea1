import { describe, expect, it } from 'vitest';
import { parseSavedLists } from './saved-lists';

describe('parseSavedLists', () => {
	it('keeps well-formed lists only', () => {
		expect(
			parseSavedLists(
				JSON.stringify([
					{ name: 'Pantura', codes: ['32.16', '32.15'] },
					{ name: 'rusak', codes: [1] },
					{ codes: [] },
					'x'
				])
			)
		).toEqual([{ name: 'Pantura', codes: ['32.16', '32.15'] }]);
	});

	it('survives missing or broken storage', () => {
		expect(parseSavedLists(null)).toEqual([]);
		expect(parseSavedLists('{not json')).toEqual([]);
		expect(parseSavedLists('{"name":"x"}')).toEqual([]);
	});
});
