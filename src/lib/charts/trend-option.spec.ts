import { describe, expect, it } from 'vitest';
import { countPoints } from './count-points';
import { HOSTILE_NAME, seriesOf, stringsIn } from './spec-helpers';
import { COLOURS } from './theme';
import { trendOption, type TrendInput } from './trend-option';

const input: TrendInput = {
	years: [2021, 2022, 2023],
	series: [
		{ name: 'Kabupaten Bekasi', role: 'focus', values: [10.5, null, 12.25] },
		{ name: 'Kepulauan Bangka Belitung', role: 'benchmark', values: [20, 21, 22] }
	],
	unit: 'unit',
	locale: 'id',
	description: 'Grafik garis'
};

describe('trendOption', () => {
	const option = trendOption(input);
	const series = seriesOf(option);

	it('draws one line per region with its values, gaps left as gaps', () => {
		expect(series.map((s) => s.type)).toEqual(['line', 'line']);
		expect(series.map((s) => s.name)).toEqual(['Kabupaten Bekasi', 'Kepulauan Bangka Belitung']);
		expect(series[0]?.data).toEqual([10.5, null, 12.25]);
		expect(series[0]?.connectNulls).toBe(false);
		expect(countPoints(option)).toBe(5);
	});

	it('puts the years on the x axis', () => {
		expect(option.xAxis).toMatchObject({ type: 'category', data: ['2021', '2022', '2023'] });
	});

	it('colours focus and benchmark apart and not by colour alone', () => {
		expect(series.map((s) => s.color)).toEqual([COLOURS.focus, COLOURS.benchmark]);
		expect(series.map((s) => (s.lineStyle as { type: string }).type)).toEqual(['solid', 'dashed']);
	});

	it('formats values in the locale for axis and tooltip', () => {
		const tooltip = option.tooltip as { valueFormatter: (v: unknown) => string };
		expect(tooltip.valueFormatter(1234.5)).toBe('1.235');
		expect(tooltip.valueFormatter(null)).toBe('—');
		const en = trendOption({ ...input, unit: 'rupiah', locale: 'en' });
		const axis = en.yAxis as { axisLabel: { formatter: (v: unknown) => string } };
		expect(axis.axisLabel.formatter(2_500_000_000)).toBe('Rp2.5 B');
	});

	it('leaves tooltips to ECharts, which escapes names: no HTML is built from data', () => {
		const hostile = trendOption({
			...input,
			series: [{ name: HOSTILE_NAME, role: 'focus', values: [1, 2, 3] }]
		});
		expect((hostile.tooltip as Record<string, unknown>).formatter).toBeUndefined();
		const withMarkup = stringsIn(hostile).filter((s) => s.includes('<'));
		expect(withMarkup.every((s) => s === HOSTILE_NAME)).toBe(true);
	});

	it('describes the chart for screen readers', () => {
		expect(option.aria).toMatchObject({ enabled: true, label: { description: 'Grafik garis' } });
	});
});
