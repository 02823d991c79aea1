import { describe, expect, it } from 'vitest';
import { COLOURS } from '$lib/charts/theme';
import type { Region } from '$lib/regions/region';
import { regionLegend, roleColour, shareTableColumns } from './focus-benchmark-share';

const region = (code: string, name: string) => ({ code, name }) as Region;
const BEKASI = region('32.16', 'Kabupaten Bekasi');
const BABEL = region('19', 'Kepulauan Bangka Belitung');

describe('the focus and benchmark composition panels', () => {
	it('colour the focus, then the benchmark, and anything further as other', () => {
		expect([0, 1, 2].map(roleColour)).toEqual([COLOURS.focus, COLOURS.benchmark, COLOURS.other]);
		expect(regionLegend([BEKASI, BABEL])).toEqual([
			{ label: 'Kabupaten Bekasi', colour: COLOURS.focus },
			{ label: 'Kepulauan Bangka Belitung', colour: COLOURS.benchmark }
		]);
	});

	it('head the table with a percent and a count column per region, both numeric', () => {
		expect(shareTableColumns('Saluran', [BEKASI, BABEL], 'id')).toEqual({
			columns: [
				'Saluran',
				'Kabupaten Bekasi: Persen',
				'Kabupaten Bekasi: Jumlah',
				'Kepulauan Bangka Belitung: Persen',
				'Kepulauan Bangka Belitung: Jumlah'
			],
			numeric: [1, 2, 3, 4]
		});
		expect(shareTableColumns('Channel', [BEKASI], 'en').columns).toEqual([
			'Channel',
			'Kabupaten Bekasi: Percent',
			'Kabupaten Bekasi: Count'
		]);
	});
});
