import { describe, expect, it } from 'vitest';
import { pointsOf } from './explorer-style';
import { pointsWithoutPair, scatterOption, type ScatterInput } from './scatter-option';
import { explorerSeries } from './explorer-spec-helpers';
import { HOSTILE_NAME } from './spec-helpers';
import { COLOURS } from './theme';

const input: ScatterInput = {
	points: [
		{ code: '32.01', name: 'Kab. Bogor', x: 120, y: 2e9, role: 'other', pickedColour: null },
		{ code: '32.16', name: 'Kab. Bekasi', x: 150, y: 1e9, role: 'focus', pickedColour: null },
		{ code: '32.04', name: 'Kab. Bandung', x: null, y: 3e9, role: 'other', pickedColour: null },
		{
			code: '32.73',
			name: 'Kota Bandung',
			x: 200,
			y: 4e9,
			role: 'selected',
			pickedColour: '#0f766e'
		},
		{ code: '32', name: 'Jawa Barat', x: 140, y: 2.5e9, role: 'benchmark', pickedColour: null }
	],
	x: { label: 'Anggota per koperasi aktif', unit: 'orang' },
	y: { label: 'Pinjaman diberikan', unit: 'rupiah' },
	locale: 'id',
	description: 'Grafik sebaran'
};

type Point = {
	value: [number, number];
	name: string;
	label: { show: boolean };
	itemStyle: { color: string };
};

describe('scatterOption', () => {
	const chart = scatterOption(input);
	const series = explorerSeries(chart.option)[0]!;
	const data = series.data as Point[];

	it('draws one point per region with both figures, focus on top', () => {
		expect(data.map((p) => p.value)).toEqual([
			[120, 2e9],
			[200, 4e9],
			[140, 2.5e9],
			[150, 1e9]
		]);
		expect(chart.codes).toEqual([['32.01', '32.73', '32', '32.16']]);
		expect(pointsOf(chart.option)).toBe(4);
		expect(pointsWithoutPair(input.points).map((p) => p.code)).toEqual(['32.04']);
	});

	it('labels focus, benchmark and picked regions only, in their colours', () => {
		expect(data.map((p) => p.label.show)).toEqual([false, true, true, true]);
		expect(data.map((p) => p.itemStyle.color)).toEqual([
			COLOURS.other,
			'#0f766e',
			COLOURS.benchmark,
			COLOURS.focus
		]);
		expect(chart.picked).toEqual(['32.73']);
	});

	it('draws dashed lines through the focus values', () => {
		expect(series.markLine).toMatchObject({ data: [{ xAxis: 150 }, { yAxis: 1e9 }] });
		const noFocus = scatterOption({
			...input,
			points: input.points.filter((p) => p.role !== 'focus')
		});
		expect(explorerSeries(noFocus.option)[0]!.markLine).toBeUndefined();
	});

	it('names both axes in a download only (the page titles them in HTML), each in its unit', () => {
		expect((chart.option.xAxis as { name?: string }).name).toBeUndefined();
		const framed = scatterOption({ ...input, frame: { title: 'Judul', subtitle: 'Sub' } });
		expect(framed.option.xAxis).toMatchObject({ name: 'Anggota per koperasi aktif' });
		expect(framed.option.yAxis).toMatchObject({ name: 'Pinjaman diberikan' });
		const y = chart.option.yAxis as { axisLabel: { formatter: (v: unknown) => string } };
		expect(y.axisLabel.formatter(2.5e9)).toBe('Rp2,5 M');
	});

	it('escapes names and labels in its tooltip', () => {
		const hostile = scatterOption({
			...input,
			points: [{ ...input.points[1]!, name: HOSTILE_NAME }],
			x: { ...input.x, label: '<b>x</b>' }
		});
		const tooltip = hostile.option.tooltip as { formatter: (p: unknown) => string };
		const html = tooltip.formatter({ dataIndex: 0 });
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<b>');
		expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
		expect(html).toContain('150');
	});
});
