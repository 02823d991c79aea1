import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
	it('turns markup into text', () => {
		expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe(
			'&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;'
		);
		expect(escapeHtml('Kabupaten Bekasi')).toBe('Kabupaten Bekasi');
	});
});
