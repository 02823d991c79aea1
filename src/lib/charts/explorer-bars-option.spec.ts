import { describe, expect, it } from 'vitest';
import { pointsOf } from './explorer-style';
import { explorerBarsOption, HORIZONTAL_MAX, type BarItem } from './explorer-bars-option';
import { explorerSeries } from './explorer-spec-helpers';
import { HOSTILE_NAME, stringsIn } from './spec-helpers';
import { COLOURS } from './theme';

const items: BarItem[] = [
	{ code: '32.01', name: 'Kab. Bogor', value: 50, role: 'other', pickedColour: null },
	{ code: '32.16', name: 'Kab. Bekasi', value: 70, role: 'focus', pickedColour: null },
	{ code: '32.04', name: 'Kab. Bandung', value: null, role: 'other', pickedColour: null },
	{ code: '32.73', name: 'Kota Bandung', value: 90, role: 'selected', pickedColour: '#0f766e' },
	{ code: '32', name: 'Jawa Barat', value: 60, role: 'benchmark', pickedColour: null }
];
const input = {
	items,
	higherIsBetter: true,
	seriesName: 'Anggota per koperasi',
	unit: 'orang' as const,
	locale: 'id' as const,
	description: 'Grafik batang'
};

type Bar = { value: number; itemStyle: { color: string; opacity: number } };

describe('explorerBarsOption', () => {
	const chart = explorerBarsOption(input);
	const data = explorerSeries(chart.option)[0]!.data as Bar[];

	it('ranks regions with a figure, best first, as named horizontal bars', () => {
		expect(chart.horizontal).toBe(true);
		expect(data.map((d) => d.value)).toEqual([90, 70, 60, 50]);
		expect(chart.option.yAxis).toMatchObject({
			inverse: true,
			data: ['Kota Bandung', 'Kab. Bekasi', 'Jawa Barat', 'Kab. Bogor']
		});
		expect(chart.codes).toEqual([['32.73', '32.16', '32', '32.01']]);
		expect(pointsOf(chart.option)).toBe(4);
	});

	it('highlights focus, benchmark and picks, and fades the rest while something is picked', () => {
		expect(data.map((d) => d.itemStyle.color)).toEqual([
			'#0f766e',
			COLOURS.focus,
			COLOURS.benchmark,
			COLOURS.other
		]);
		expect(data.map((d) => d.itemStyle.opacity)).toEqual([1, 1, 1, 0.3]);
		expect(chart.picked).toEqual(['32.73']);
	});

	it('ranks lower-is-better indicators the other way round', () => {
		const low = explorerBarsOption({ ...input, higherIsBetter: false });
		expect(low.codes[0]![0]).toBe('32.01');
	});

	it('draws a nameless vertical skyline for many regions', () => {
		const many: BarItem[] = Array.from({ length: HORIZONTAL_MAX + 1 }, (_, i) => ({
			code: `11.${String(i + 1).padStart(2, '0')}`,
			name: `Kabupaten ${i}`,
			value: i,
			role: i === 3 ? 'focus' : 'other',
			pickedColour: null
		}));
		const sky = explorerBarsOption({ ...input, items: many });
		expect(sky.horizontal).toBe(false);
		expect(sky.option.xAxis).toMatchObject({ type: 'category', axisLabel: { show: false } });
		expect(sky.height).toBe(340);
		expect(pointsOf(sky.option)).toBe(HORIZONTAL_MAX + 1);
	});

	it('lets the brush run along the category axis', () => {
		expect(chart.option.brush).toMatchObject({ yAxisIndex: 0, toolbox: [] });
	});

	it('builds no HTML from names', () => {
		const hostile = explorerBarsOption({ ...input, items: [{ ...items[0]!, name: HOSTILE_NAME }] });
		expect((hostile.option.tooltip as Record<string, unknown>).formatter).toBeUndefined();
		expect(stringsIn(hostile.option).filter((s) => s.includes('<'))).toEqual([HOSTILE_NAME]);
	});
});
