import { describe, expect, it } from 'vitest';
import { MAP_PALETTE, NO_DATA_COLOUR, OUTSIDE_COLOUR } from '$lib/explorer/map-classes';
import { choroplethOption, fillOf, type ChoroplethInput } from './choropleth-option';
import { pointsOf } from './explorer-style';
import { explorerSeries } from './explorer-spec-helpers';
import { HOSTILE_NAME } from './spec-helpers';
import { COLOURS } from './theme';

const input: ChoroplethInput = {
	mapName: 'kabkota-32',
	items: [
		{
			code: '32.01',
			name: 'Kabupaten Bogor',
			value: 5,
			inSet: true,
			role: 'other',
			pickedColour: null
		},
		{
			code: '32.16',
			name: 'Kabupaten Bekasi',
			value: 15,
			inSet: true,
			role: 'focus',
			pickedColour: null
		},
		{
			code: '32.73',
			name: 'Kota Bandung',
			value: 25,
			inSet: true,
			role: 'selected',
			pickedColour: '#0f766e'
		},
		{
			code: '32.04',
			name: 'Kabupaten Bandung',
			value: null,
			inSet: true,
			role: 'other',
			pickedColour: null
		},
		{
			code: '32.75',
			name: 'Kota Bekasi',
			value: 30,
			inSet: false,
			role: 'other',
			pickedColour: null
		}
	],
	breaks: [10, 20],
	unit: 'orang',
	locale: 'id',
	description: 'Peta',
	labels: { noData: 'tidak ada data', outside: 'di luar pilihan' }
};

type Area = {
	name: string;
	value: number;
	itemStyle: { areaColor: string; borderColor: string; borderWidth: number; opacity: number };
};

describe('choroplethOption', () => {
	const chart = choroplethOption(input);
	const series = explorerSeries(chart.option)[0]!;
	const data = series.data as Area[];

	it('joins on the Kemendagri code: features are named by their kode property', () => {
		expect(series).toMatchObject({ type: 'map', map: 'kabkota-32', nameProperty: 'kode' });
		expect(data.map((d) => d.name)).toEqual(['32.01', '32.16', '32.73', '32.04', '32.75']);
		expect(chart.codes).toEqual([['32.01', '32.16', '32.73', '32.04', '32.75']]);
	});

	it('fills each region with its class colour, and regions without data or outside apart', () => {
		expect(data.map((d) => d.itemStyle.areaColor)).toEqual([
			MAP_PALETTE[0],
			MAP_PALETTE[2],
			MAP_PALETTE[4],
			NO_DATA_COLOUR,
			OUTSIDE_COLOUR
		]);
		expect(fillOf({ value: 10, inSet: true }, [10, 20])).toBe(MAP_PALETTE[0]);
		// Only regions in the set with a figure count as drawn values.
		expect(pointsOf(chart.option)).toBe(3);
	});

	it('outlines focus and picks in their colours and fades other regions in the set', () => {
		expect(data.map((d) => d.itemStyle.borderColor)).toEqual([
			'#ffffff',
			COLOURS.focus,
			'#0f766e',
			'#ffffff',
			'#ffffff'
		]);
		expect(data.map((d) => d.itemStyle.opacity)).toEqual([0.45, 1, 1, 0.45, 1]);
		expect(chart.picked).toEqual(['32.73']);
	});

	it('says "no data" and "not selected" in the tooltip, names escaped', () => {
		const tooltip = chart.option.tooltip as { formatter: (p: unknown) => string };
		expect(tooltip.formatter({ name: '32.04' })).toContain('tidak ada data');
		expect(tooltip.formatter({ name: '32.75' })).toContain('di luar pilihan');
		expect(tooltip.formatter({ name: '32.16' })).toContain('15');
		const hostile = choroplethOption({
			...input,
			items: [{ ...input.items[0]!, name: HOSTILE_NAME }]
		});
		const html = (hostile.option.tooltip as { formatter: (p: unknown) => string }).formatter({
			name: '32.01'
		});
		expect(html).not.toContain('<img');
	});

	it('draws the legend itself only in a download', () => {
		expect(chart.option.graphic).toEqual([]);
		const framed = choroplethOption({
			...input,
			frame: {
				title: 'Judul',
				subtitle: 'Sub',
				legend: [
					{ label: '≤ 10', colour: MAP_PALETTE[0] },
					{ label: '> 10', colour: MAP_PALETTE[4] }
				],
				outlines: [{ label: 'Kabupaten Bekasi (fokus)', colour: COLOURS.focus }]
			}
		});
		const texts = JSON.stringify(framed.option.graphic);
		expect(texts).toContain(`"stroke":"${COLOURS.focus}"`);
		for (const text of ['≤ 10', '> 10', 'tidak ada data', 'di luar pilihan', 'Bekasi (fokus)']) {
			expect(texts).toContain(text);
		}
		expect(framed.option.title).toMatchObject({ text: 'Judul' });
	});
});
