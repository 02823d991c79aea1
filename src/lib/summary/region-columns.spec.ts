import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readRegionsCsv } from '$lib/server/ingest/load-bundled';
import { packRegions, unpackRegions } from './region-columns';

describe('packRegions', () => {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const regions = readRegionsCsv(path.resolve('datasets/wilayah.csv')).map(({ jenis, ...r }) => r);

	it('gives back exactly the bundled regions', () => {
		expect(unpackRegions(packRegions(regions))).toEqual(regions);
	});

	it('is much smaller than the list of objects', () => {
		const packed = JSON.stringify(packRegions(regions)).length;
		expect(packed).toBeLessThan(JSON.stringify(regions).length / 2);
		expect(packRegions(regions).provinces).toHaveLength(38);
	});
});
