/**
 * Rows given per quarter, month or date → one record per year, as the datasets store them. How a
 * year is made is the analyst's choice, by default the catalogue's: a stock (counts, capital,
 * assets) takes the year's last period that gives it, a flow (volume, SHU, loans, KUR) the sum of
 * all the year's periods, which must all be there. `last` takes the last period for every fact
 * (a report that is cumulative to date).
 */
import { STATUS_RANK, type DatasetDefinition, type FactDefinition } from '$lib/catalogue/datasets';
import { PERIOD_NAME, PERIODS_PER_YEAR, type PeriodKind } from './parse-period';
import { problem, type Problem } from './problem';
import type { DatasetRecord } from './validate-dataset';

/** How quarters, months or dates make a year: by the fact's kind, or the last period for all. */
export type PeriodRule = 'kind' | 'last';

export const PERIOD_RULES: readonly PeriodRule[] = ['kind', 'last'];

export interface RecordPeriod {
	kind: PeriodKind;
	order: number;
	yearEnd: boolean;
	/** As the file wrote it. */
	text: string;
}

type Report = (p: Problem) => void;

/** The year each fact of a record is made from: one record per key, in the order of first sight. */
export function yearsFromPeriods(
	records: readonly DatasetRecord[],
	dataset: DatasetDefinition,
	rule: PeriodRule,
	yearLabel: string,
	report: Report
): DatasetRecord[] {
	const groups = new Map<string, DatasetRecord[]>();
	for (const record of records) {
		const key = `${record.kode_wilayah}\u0000${record.tahun}\u0000${record.dimensi}\u0000${record.id_koperasi ?? ''}`;
		const group = groups.get(key);
		if (group) group.push(record);
		else groups.set(key, [record]);
	}
	const out: DatasetRecord[] = [];
	for (const group of groups.values()) {
		if (group.length === 1 && !group[0]!.period) {
			out.push(group[0]!);
			continue;
		}
		const made = oneYear(group, dataset, rule, yearLabel, report);
		if (made) out.push(made);
	}
	return out;
}

function oneYear(
	group: DatasetRecord[],
	dataset: DatasetDefinition,
	rule: PeriodRule,
	yearLabel: string,
	report: Report
): DatasetRecord | null {
	const first = group[0]!;
	const where = `${first.kode_wilayah} ${first.tahun}`;
	const kinds = new Set(group.map((r) => r.period?.kind ?? 'year'));
	if (kinds.size > 1) {
		const other = group.find((r) => (r.period?.kind ?? 'year') !== (first.period?.kind ?? 'year'))!;
		report(
			problem(
				other.line,
				yearLabel,
				other.period?.text ?? String(other.tahun),
				{
					id: `${where}: baris tahunan dan per periode tercampur (lihat baris ${first.line}).`,
					en: `${where}: yearly and per-period rows are mixed (see line ${first.line}).`
				},
				{
					id: 'Beri satu wilayah dan tahun per tahun saja, atau per triwulan/bulan saja.',
					en: 'Give a region and year either as one yearly row or per quarter/month only.'
				},
				'period-mixed'
			)
		);
		return null;
	}
	const sorted = [...group].sort((a, b) => a.period!.order - b.period!.order);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i]!.period!.order === sorted[i - 1]!.period!.order) {
			const again = sorted[i]!;
			report(
				problem(
					again.line,
					yearLabel,
					again.period!.text,
					{
						id: `Periode ${again.period!.text} untuk ${where} sudah ada di baris ${sorted[i - 1]!.line}.`,
						en: `Period ${again.period!.text} for ${where} is already given on line ${sorted[i - 1]!.line}.`
					},
					{ id: 'Hapus salah satu baris.', en: 'Remove one of the lines.' },
					'period-repeated'
				)
			);
			return null;
		}
	}
	const last = sorted[sorted.length - 1]!;
	const period = last.period!;
	const facts: DatasetRecord['facts'] = {};
	let ok = true;
	for (const fact of dataset.facts) {
		const given = sorted.filter((r) => r.facts[fact.id] !== undefined);
		if (given.length === 0) continue;
		const values = given.filter((r) => r.facts[fact.id] !== null);
		if (rule === 'last' || fact.kind === 'stock') {
			facts[fact.id] = values.length ? values[values.length - 1]!.facts[fact.id]! : null;
			continue;
		}
		if (values.length === 0) {
			facts[fact.id] = null;
			continue;
		}
		const missing = flowGap(sorted, fact, period.kind);
		if (missing) {
			ok = false;
			report(
				problem(
					last.line,
					yearLabel,
					period.text,
					{
						id: `"${period.text}" adalah ${PERIOD_NAME[period.kind].id}, bukan tahun; ${fact.id} adalah arus yang dijumlahkan menjadi setahun, tetapi ${where} ${missing.id}.`,
						en: `"${period.text}" is ${PERIOD_NAME[period.kind].en}, not a year; ${fact.id} is a flow summed into a year, but ${where} ${missing.en}.`
					},
					{
						id: 'Lengkapi semua periode tahun itu, atau pilih "periode terakhir" bila angkanya kumulatif sampai periode itu.',
						en: 'Give every period of that year, or choose "last period" if the figures are cumulative to date.'
					},
					'period-incomplete'
				)
			);
			continue;
		}
		facts[fact.id] = values.reduce((sum, r) => sum + r.facts[fact.id]!, 0);
	}
	if (!ok) return null;
	const worst = group.reduce(
		(w, r) => (STATUS_RANK[r.status_data] > STATUS_RANK[w] ? r.status_data : w),
		first.status_data
	);
	// A year made from a part of it says so where its figures are shown.
	const sumber = period.yearEnd
		? last.sumber
		: `${last.sumber} (${last.tahun} s.d. ${period.text})`;
	return { ...last, facts, status_data: worst, sumber, period: undefined };
}

/** Why a flow's periods do not make its whole year, or null when they do. */
function flowGap(
	sorted: readonly DatasetRecord[],
	fact: FactDefinition,
	kind: PeriodKind
): { id: string; en: string } | null {
	if (kind === 'date')
		return {
			id: 'hanya punya tanggal, yang tidak bisa dijumlahkan menjadi setahun',
			en: 'only has dates, which cannot be summed into a year'
		};
	const expected = PERIODS_PER_YEAR[kind];
	const empty = sorted.filter((r) => r.facts[fact.id] === null || r.facts[fact.id] === undefined);
	if (sorted.length === expected && empty.length === 0) return null;
	const have = sorted.filter((r) => r.facts[fact.id] != null).map((r) => r.period!.order);
	const name = PERIOD_NAME[kind];
	return {
		id: `hanya punya ${have.length} dari ${expected} ${name.id} (${have.join(', ')})`,
		en: `only has ${have.length} of ${expected} periods (${have.join(', ')})`
	};
}
