import { describe, expect, it } from 'vitest';
import { compositionOption, PART_COLOURS, type CompositionInput } from './composition-option';
import { countPoints } from './count-points';
import { HOSTILE_NAME, seriesOf, stringsIn } from './spec-helpers';

const capital: CompositionInput = {
	categories: ['Kabupaten Bekasi', 'Kepulauan Bangka Belitung'],
	series: [
		{ name: 'Modal sendiri', colour: PART_COLOURS[0], values: [38.6, 45.8] },
		{ name: 'Modal luar', colour: PART_COLOURS[1], values: [61.4, 54.2] }
	],
	stacked: true,
	locale: 'id',
	description: 'Grafik batang bertumpuk'
};

type Label = { formatter: (p: { value?: unknown }) => string; position: string };

describe('compositionOption', () => {
	it('stacks the parts of a whole to 100 %', () => {
		const option = compositionOption(capital);
		const series = seriesOf(option);
		expect(series.map((s) => s.stack)).toEqual(['whole', 'whole']);
		expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
		expect(option.yAxis).toMatchObject({ data: capital.categories, inverse: true });
		expect(countPoints(option)).toBe(4);
	});

	it('labels the parts inside, leaving out slivers too thin to hold a label', () => {
		const label = seriesOf(compositionOption(capital))[0]?.label as Label;
		expect(label.position).toBe('inside');
		expect(label.formatter({ value: 38.6 })).toBe('38,6%');
		expect(label.formatter({ value: 4 })).toBe('');
	});

	it('puts overlapping shares side by side, labelled at the end', () => {
		const option = compositionOption({
			...capital,
			stacked: false,
			categories: ['Ke luar daerah', 'Ekspor', 'Daring'],
			series: [
				{ name: 'Kabupaten Bekasi', colour: '#1d4ed8', values: [20.1, 0.7, null] },
				{ name: 'Kepulauan Bangka Belitung', colour: '#c2410c', values: [14.5, 0.4, 30.4] }
			]
		});
		const series = seriesOf(option);
		expect(series.map((s) => s.stack)).toEqual([undefined, undefined]);
		expect((option.xAxis as { max?: number }).max).toBeUndefined();
		expect((series[0]?.label as Label).formatter({ value: 0.7 })).toBe('0,7%');
		expect(countPoints(option)).toBe(5);
	});

	it('builds no HTML from names', () => {
		const option = compositionOption({ ...capital, categories: [HOSTILE_NAME, 'b'] });
		expect(stringsIn(option).filter((s) => s.includes('<'))).toEqual([HOSTILE_NAME]);
		expect((option.tooltip as Record<string, unknown>).formatter).toBeUndefined();
	});
});
