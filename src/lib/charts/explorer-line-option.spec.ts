import { describe, expect, it } from 'vitest';
import { pointsOf } from './explorer-style';
import { explorerLineOption, type ExplorerLineInput } from './explorer-line-option';
import { explorerSeries } from './explorer-spec-helpers';
import { HOSTILE_NAME, stringsIn } from './spec-helpers';
import { COLOURS } from './theme';

const input: ExplorerLineInput = {
	years: [2023, 2024, 2025],
	regions: [
		{
			code: '32.16',
			name: 'Kabupaten Bekasi',
			role: 'focus',
			pickedColour: null,
			values: [1, 2, 3]
		},
		{
			code: '32.01',
			name: 'Kabupaten Bogor',
			role: 'other',
			pickedColour: null,
			values: [2, null, 4]
		},
		{
			code: '32.73',
			name: 'Kota Bandung',
			role: 'selected',
			pickedColour: '#0f766e',
			values: [5, 5, 5]
		},
		{ code: '32', name: 'Jawa Barat', role: 'benchmark', pickedColour: null, values: [3, 3, 3] }
	],
	unit: 'orang',
	locale: 'id',
	description: 'Grafik garis'
};

type Line = { name: string; color: string; lineStyle: { opacity: number; type: string } };

describe('explorerLineOption', () => {
	const chart = explorerLineOption(input);
	const series = explorerSeries(chart.option) as unknown as Line[];

	it('draws one line per region, others underneath and the focus on top', () => {
		expect(series.map((s) => s.name)).toEqual([
			'Kabupaten Bogor',
			'Kota Bandung',
			'Jawa Barat',
			'Kabupaten Bekasi'
		]);
		expect(pointsOf(chart.option)).toBe(11);
		expect(chart.option.xAxis).toMatchObject({ data: ['2023', '2024', '2025'] });
	});

	it('colours focus, benchmark and picked regions; other lines fade while something is picked', () => {
		expect(series.map((s) => s.color)).toEqual([
			COLOURS.other,
			'#0f766e',
			COLOURS.benchmark,
			COLOURS.focus
		]);
		expect(series[0]!.lineStyle.opacity).toBe(0.25);
		expect(series[2]!.lineStyle.type).toBe('dashed');
		const unpicked = explorerLineOption({
			...input,
			regions: input.regions.filter((r) => r.role !== 'selected')
		});
		expect((explorerSeries(unpicked.option)[0] as unknown as Line).lineStyle.opacity).toBe(0.6);
	});

	it('maps every drawn point back to its region, and lists the picked regions', () => {
		expect(chart.codes[0]).toEqual(['32.01', '32.01', '32.01']);
		expect(chart.codes[3]![1]).toBe('32.16');
		expect(chart.picked).toEqual(['32.73']);
	});

	it('formats values in the locale and builds no HTML from names', () => {
		const tooltip = chart.option.tooltip as {
			valueFormatter: (v: unknown) => string;
			formatter?: unknown;
		};
		expect(tooltip.valueFormatter(1234.5)).toBe('1.235');
		expect(tooltip.formatter).toBeUndefined();
		const hostile = explorerLineOption({
			...input,
			regions: [{ ...input.regions[0]!, name: HOSTILE_NAME }]
		});
		expect(stringsIn(hostile.option).filter((s) => s.includes('<'))).toEqual([HOSTILE_NAME]);
	});

	it('adds a title and a legend of the coloured lines for a download only', () => {
		expect(chart.option.title).toBeUndefined();
		expect(chart.option.legend).toEqual({ show: false });
		const framed = explorerLineOption({ ...input, frame: { title: 'Judul', subtitle: 'Sub' } });
		expect(framed.option.title).toMatchObject({ text: 'Judul', subtext: 'Sub' });
		expect((framed.option.legend as { data: string[] }).data).toEqual([
			'Kota Bandung',
			'Jawa Barat',
			'Kabupaten Bekasi'
		]);
		expect(framed.option.animation).toBe(false);
	});
});
