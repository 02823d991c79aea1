import { describe, expect, it } from 'vitest';
import { countPoints } from './count-points';
import { MEDIAN_COLOUR, peerTrendOption, type PeerTrendInput } from './peer-trend-option';
import { HOSTILE_NAME, seriesOf, stringsIn } from './spec-helpers';
import { COLOURS } from './theme';

const input: PeerTrendInput = {
	years: [2022, 2023, 2024],
	series: [
		{ name: 'Kabupaten Bekasi', role: 'focus', values: [10, null, 12] },
		{ name: 'Kepulauan Bangka Belitung', role: 'benchmark', values: [20, 21, 22] },
		{ name: 'Median', role: 'median', values: [15, 16, null] }
	],
	unit: 'unit',
	locale: 'id',
	description: 'Grafik garis'
};

describe('peerTrendOption', () => {
	const option = peerTrendOption(input);
	const series = seriesOf(option);

	it('draws focus, benchmark and median lines, gaps kept', () => {
		expect(series.map((s) => s.name)).toEqual([
			'Kabupaten Bekasi',
			'Kepulauan Bangka Belitung',
			'Median'
		]);
		expect(series[0]?.data).toEqual([10, null, 12]);
		expect(series.every((s) => s.connectNulls === false)).toBe(true);
		expect(countPoints(option)).toBe(7);
		expect(option.xAxis).toMatchObject({ data: ['2022', '2023', '2024'] });
	});

	it('tells the roles apart by colour, line style and symbol', () => {
		expect(series.map((s) => s.color)).toEqual([COLOURS.focus, COLOURS.benchmark, MEDIAN_COLOUR]);
		expect(series.map((s) => (s.lineStyle as { type: string }).type)).toEqual([
			'solid',
			'dashed',
			'dotted'
		]);
		expect(new Set(series.map((s) => s.symbol)).size).toBe(3);
	});

	it('formats values in the locale and builds no HTML from names', () => {
		const en = peerTrendOption({ ...input, unit: 'rupiah', locale: 'en' });
		const axis = en.yAxis as { axisLabel: { formatter: (v: unknown) => string } };
		expect(axis.axisLabel.formatter(2_500_000_000)).toBe('Rp2.5 B');
		const hostile = peerTrendOption({
			...input,
			series: [{ name: HOSTILE_NAME, role: 'median', values: [1, 2, 3] }]
		});
		expect(stringsIn(hostile).filter((s) => s.includes('<'))).toEqual([HOSTILE_NAME]);
		expect((hostile.tooltip as Record<string, unknown>).formatter).toBeUndefined();
	});

	it('describes itself for screen readers and draws at once (print, PNG)', () => {
		expect(option.aria).toMatchObject({ enabled: true, label: { description: 'Grafik garis' } });
		expect(option.animation).toBe(false);
	});
});
