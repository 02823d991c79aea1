import { describe, expect, it } from 'vitest';
import { countPoints } from './count-points';
import { rankingOption, rankItems, type RankingInput } from './ranking-option';
import { HOSTILE_NAME, seriesOf, stringsIn } from './spec-helpers';
import { COLOURS } from './theme';

const input: RankingInput = {
	items: [
		{ code: '32.01', name: 'Bogor', value: 50 },
		{ code: '32.16', name: 'Bekasi', value: 70 },
		{ code: '32.04', name: 'Bandung', value: null },
		{ code: '32.73', name: 'Kota Bandung', value: 90 },
		{ code: '32.02', name: 'Sukabumi', value: 50 }
	],
	focusCode: '32.16',
	higherIsBetter: true,
	seriesName: 'Koperasi aktif',
	unit: 'persen',
	locale: 'id',
	description: 'Grafik batang'
};

type Bar = { value: number; itemStyle: { color: string } };

describe('rankItems', () => {
	it('sorts best first, ties by name, and drops regions without a figure', () => {
		expect(rankItems(input.items, true).map((i) => i.code)).toEqual([
			'32.73',
			'32.16',
			'32.01',
			'32.02'
		]);
		expect(rankItems(input.items, false).map((i) => i.code)).toEqual([
			'32.01',
			'32.02',
			'32.16',
			'32.73'
		]);
	});
});

describe('rankingOption', () => {
	const option = rankingOption(input);
	const [bars] = seriesOf(option);
	const data = bars?.data as Bar[];

	it('draws the sorted values as bars, best at the top', () => {
		expect(bars?.type).toBe('bar');
		expect(data.map((d) => d.value)).toEqual([90, 70, 50, 50]);
		expect(option.yAxis).toMatchObject({
			type: 'category',
			inverse: true,
			data: ['Kota Bandung', 'Bekasi', 'Bogor', 'Sukabumi']
		});
		expect(countPoints(option)).toBe(4);
	});

	it('highlights the focus region and greys the others', () => {
		expect(data.map((d) => d.itemStyle.color)).toEqual([
			COLOURS.other,
			COLOURS.focus,
			COLOURS.other,
			COLOURS.other
		]);
		const axisColour = (option.yAxis as { axisLabel: { color: (v: string, i: number) => string } })
			.axisLabel.color;
		expect(axisColour('Bekasi', 1)).toBe(COLOURS.focus);
		expect(axisColour('Bogor', 2)).toBe(COLOURS.muted);
	});

	it('marks the benchmark too when it is in the list', () => {
		const both = rankingOption({ ...input, benchmarkCode: '32.01' });
		const colours = (seriesOf(both)[0]?.data as Bar[]).map((d) => d.itemStyle.color);
		expect(colours[2]).toBe(COLOURS.benchmark);
	});

	it('labels bars with locale-formatted values', () => {
		const label = bars?.label as { formatter: (p: { value: unknown }) => string };
		expect(label.formatter({ value: 12.34 })).toBe('12,3%');
	});

	it('builds no HTML from region names', () => {
		const hostile = rankingOption({
			...input,
			items: [{ code: '32.16', name: HOSTILE_NAME, value: 1 }]
		});
		expect((hostile.tooltip as Record<string, unknown>).formatter).toBeUndefined();
		const withMarkup = stringsIn(hostile).filter((s) => s.includes('<'));
		expect(withMarkup).toEqual([HOSTILE_NAME]);
	});

	it('draws nothing when no region has a figure', () => {
		const empty = rankingOption({
			...input,
			items: [{ code: '32.01', name: 'Bogor', value: null }]
		});
		expect(countPoints(empty)).toBe(0);
	});
});
