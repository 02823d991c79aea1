/**
 * Number display in Indonesian (default) or English. Indonesian uses `.` for thousands and `,`
 * for decimals; money uses the scale words of the press and ministry: rb, jt, M (miliar), T.
 */
import type { IndicatorUnit } from '$lib/catalogue/indicators';

export type Locale = 'id' | 'en';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
	const key = `${locale}:${min}:${max}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.NumberFormat(INTL_LOCALE[locale], {
			minimumFractionDigits: min,
			maximumFractionDigits: max
		});
		cache.set(key, format);
	}
	return format;
}

/** `1234567.8` → `1.234.567,8` (id) or `1,234,567.8` (en). */
export function formatNumber(value: number, locale: Locale, maxDigits = 1, minDigits = 0): string {
	return numberFormat(locale, minDigits, maxDigits).format(value);
}

const RUPIAH_SCALES: Record<Locale, readonly { factor: number; word: string }[]> = {
	id: [
		{ factor: 1e12, word: 'T' },
		{ factor: 1e9, word: 'M' },
		{ factor: 1e6, word: 'jt' },
		{ factor: 1e3, word: 'rb' }
	],
	en: [
		{ factor: 1e12, word: 'T' },
		{ factor: 1e9, word: 'B' },
		{ factor: 1e6, word: 'M' },
		{ factor: 1e3, word: 'K' }
	]
};

/** `182_350_000_000_000` → `Rp182 T`, `1_671_000_000` → `Rp1,67 M`; below a thousand the full amount is shown. */
export function formatRupiah(value: number, locale: Locale): string {
	const sign = value < 0 ? '−' : '';
	const abs = Math.abs(value);
	for (const { factor, word } of RUPIAH_SCALES[locale]) {
		// 999.5 of the smaller unit would round to "1.000"; show it as 1 of this unit instead.
		if (abs >= factor * 0.9995) {
			const scaled = abs / factor;
			const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
			return `${sign}Rp${formatNumber(scaled, locale, digits)} ${word}`;
		}
	}
	return `${sign}Rp${formatNumber(abs, locale, 0)}`;
}

/** A value of an indicator in its unit; `—` for a missing figure. */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit, locale: Locale) {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	switch (unit) {
		case 'rupiah':
			return formatRupiah(value, locale);
		case 'persen':
			return `${formatNumber(value, locale, 1)}%`;
		default:
			return formatNumber(value, locale, Math.abs(value) < 100 ? 1 : 0);
	}
}

/** A signed percentage difference such as `+8,5%` or `−38%` (whole percents from 10%). */
export function formatPercentChange(value: number | null, locale: Locale): string {
	if (value === null || !Number.isFinite(value)) return '—';
	const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
	return `${sign}${formatNumber(Math.abs(value), locale, Math.abs(value) < 10 ? 1 : 0)}%`;
}
