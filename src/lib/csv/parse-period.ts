/**
 * What a spreadsheet writes where a year belongs: a year, or a quarter, month or date of one.
 * Publishers' panels are quarterly (`2018-Q4`) or monthly (`2018-12`, `Des 2018`); the datasets
 * store years, so a period is recognised here and made into its year by validation.
 */

export type PeriodKind = 'quarter' | 'month' | 'date';

export type PeriodReading =
	| { kind: 'year'; year: number }
	| {
			kind: PeriodKind;
			year: number;
			/** Position within the year: quarter 1–4, month 1–12, day of the year 1–366. */
			order: number;
			/** Whether it is the year's last quarter, month or day. */
			yearEnd: boolean;
	  }
	/** Not a year at all (`2O24`, `dua ribu`): nothing in it to read. */
	| { kind: 'invalid' }
	/** Digits only, but not four of them (`20245`): a year that is out of any range. */
	| { kind: 'digits'; value: number };

/** Periods of a kind in a year, for a sum that must cover the whole year. */
export const PERIODS_PER_YEAR: Record<Exclude<PeriodKind, 'date'>, number> = {
	quarter: 4,
	month: 12
};

const MONTHS: Record<string, number> = {};
[
	['jan', 'januari', 'january'],
	['feb', 'peb', 'februari', 'pebruari', 'february'],
	['mar', 'maret', 'march'],
	['apr', 'april'],
	['mei', 'may'],
	['jun', 'juni', 'june'],
	['jul', 'juli', 'july'],
	['agu', 'agt', 'ags', 'agust', 'agustus', 'aug', 'august'],
	['sep', 'sept', 'september'],
	['okt', 'oct', 'oktober', 'october'],
	['nov', 'nop', 'november', 'nopember'],
	['des', 'dec', 'desember', 'december']
].forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const QUARTER_AFTER =
	/^(\d{4})\s*[-/ ]?\s*(?:q|tw|triwulan|kuartal|k)\s*[-.]?\s*([1-4]|iv|i{1,3})$/;
const QUARTER_BEFORE =
	/^(?:q|tw|triwulan|kuartal|k)\s*[-.]?\s*([1-4]|iv|i{1,3})\s*[-/ ]?\s*(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const NAMED_MONTH = /^([a-z]+)\.?\s*[-/ ]?\s*(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function quarter(year: number, q: string): PeriodReading {
	const order = ROMAN[q] ?? Number(q);
	return { kind: 'quarter', year, order, yearEnd: order === 4 };
}

function month(year: number, m: number): PeriodReading {
	if (!(m >= 1 && m <= 12)) return { kind: 'invalid' };
	return { kind: 'month', year, order: m, yearEnd: m === 12 };
}

function date(year: number, m: number, d: number): PeriodReading {
	const at = new Date(Date.UTC(year, m - 1, d));
	if (at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return { kind: 'invalid' };
	const order = Math.round((at.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
	return { kind: 'date', year, order, yearEnd: m === 12 && d === 31 };
}

export function parsePeriod(raw: string): PeriodReading {
	const text = raw.trim().toLowerCase();
	if (/^\d{4}$/.test(text)) return { kind: 'year', year: Number(text) };
	if (/^\d+$/.test(text)) return { kind: 'digits', value: Number(text) };
	let m = QUARTER_AFTER.exec(text);
	if (m) return quarter(Number(m[1]), m[2]!);
	m = QUARTER_BEFORE.exec(text);
	if (m) return quarter(Number(m[2]), m[1]!);
	m = ISO_DATE.exec(text);
	if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
	m = YEAR_MONTH.exec(text);
	if (m) return month(Number(m[1]), Number(m[2]));
	m = MONTH_YEAR.exec(text);
	if (m) return month(Number(m[2]), Number(m[1]));
	m = NAMED_MONTH.exec(text);
	if (m && MONTHS[m[1]!] !== undefined) return month(Number(m[2]), MONTHS[m[1]!]!);
	m = DAY_MONTH_YEAR.exec(text);
	// Indonesian dates put the day first: 31/12/2018.
	if (m) return date(Number(m[3]), Number(m[2]), Number(m[1]));
	return { kind: 'invalid' };
}

/** The name of a period kind in a message, in each language. */
export const PERIOD_NAME: Record<PeriodKind, { id: string; en: string }> = {
	quarter: { id: 'triwulan', en: 'a quarter' },
	month: { id: 'bulan', en: 'a month' },
	date: { id: 'tanggal', en: 'a date' }
};
