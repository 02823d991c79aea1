import { describe, expect, it } from 'vitest';
import {
	carriesChoice,
	choiceCookie,
	rememberedChoice,
	showSynthetic,
	withChoice
} from './synthetic-switch';

const params = (text: string) => new URLSearchParams(text);

describe('the sintetis switch', () => {
	it('hides sintetis figures unless someone chose to show them', () => {
		expect(showSynthetic(params(''), null)).toBe(false);
		expect(showSynthetic(params('sintetis=tampilkan'), null)).toBe(true);
		expect(showSynthetic(params('sintetis=rubbish'), null)).toBe(false);
	});

	it('follows the URL before the remembered choice, and the remembered one before the default', () => {
		expect(showSynthetic(params('sintetis=sembunyikan'), true)).toBe(false);
		expect(showSynthetic(params(''), true)).toBe(true);
	});

	it('remembers a choice in a cookie and reads it back', () => {
		const cookie = choiceCookie(true);
		expect(cookie).toMatch(/^sintetis=tampilkan; path=\/; max-age=\d+; samesite=lax$/);
		expect(rememberedChoice(`lang=en; ${cookie.split(';')[0]}`)).toBe(true);
		expect(rememberedChoice('sintetis=sembunyikan')).toBe(false);
		expect(rememberedChoice('other=1')).toBeNull();
	});

	it('writes the choice into links once one was made or remembered', () => {
		expect(withChoice(params('lang=en'), false).toString()).toBe('lang=en&sintetis=sembunyikan');
		expect(carriesChoice(params(''), false)).toBe(false);
		expect(carriesChoice(params(''), true)).toBe(true);
		expect(carriesChoice(params('sintetis=sembunyikan'), false)).toBe(true);
	});
});
