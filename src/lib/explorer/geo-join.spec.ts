import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { REGIONS } from './spec-regions';
import {
	boundaryPath,
	boundsAspect,
	joinBoundaries,
	mapProvince,
	type BoundaryCollection
} from './geo-join';

const ROOT = process.cwd();
const read = (rel: string) =>
	JSON.parse(fs.readFileSync(path.join(ROOT, 'static', rel), 'utf8')) as BoundaryCollection;
const wilayah = Papa.parse<Record<string, string>>(
	fs.readFileSync(path.join(ROOT, 'datasets', 'wilayah.csv'), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;
const provinces = wilayah.filter((r) => r.tingkat === 'provinsi');
const kabkota = wilayah.filter((r) => r.tingkat === 'kabkota');

/** The 7 regencies/cities the BIG-derived file lacks (static/geo/SOURCES.md). */
const WITHOUT_SHAPE = ['12.73', '12.76', '13.74', '13.75', '31.01', '33.71', '35.76'];

describe('joinBoundaries', () => {
	it('splits codes into matched, unknown features and regions without a shape', () => {
		expect(joinBoundaries(['32.16', '32.75', '99.99'], ['32.16', '32.75', '32.01'])).toEqual({
			matched: ['32.16', '32.75'],
			unknownFeatures: ['99.99'],
			regionsWithoutShape: ['32.01']
		});
	});
});

describe('the boundary files against wilayah.csv', () => {
	it('match all 38 provinces one to one', () => {
		const features = read(boundaryPath(null)).features;
		const join = joinBoundaries(
			features.map((f) => f.properties.kode),
			provinces.map((r) => r.kode_wilayah!)
		);
		expect(features).toHaveLength(38);
		expect(join.unknownFeatures).toEqual([]);
		expect(join.regionsWithoutShape).toEqual([]);
	});

	it('match every regency/city feature, each file to its own province; 7 regions have no shape', () => {
		const codes: string[] = [];
		for (const province of provinces) {
			const file = boundaryPath(province.kode_wilayah!);
			const features = read(file).features;
			for (const f of features) {
				expect(f.properties.kode.slice(0, 2), file).toBe(province.kode_wilayah);
				codes.push(f.properties.kode);
			}
		}
		expect(new Set(codes).size).toBe(codes.length);
		const join = joinBoundaries(
			codes,
			kabkota.map((r) => r.kode_wilayah!)
		);
		expect(join.unknownFeatures).toEqual([]);
		expect(join.matched).toHaveLength(507);
		expect(join.regionsWithoutShape.sort()).toEqual(WITHOUT_SHAPE);
	});

	it('use the official names of wilayah.csv for regencies/cities (names are shown, never joined)', () => {
		const names = new Map(kabkota.map((r) => [r.kode_wilayah, r.nama_wilayah]));
		const jabar = read(boundaryPath('32')).features;
		expect(jabar).toHaveLength(27);
		for (const f of jabar) expect(f.properties.nama).toBe(names.get(f.properties.kode));
	});
});

describe('mapProvince and boundsAspect', () => {
	const kabkota = REGIONS.filter((r) => r.level === 'kabkota');

	it('draws the regencies/cities of the focus province, else of the province with most', () => {
		expect(mapProvince(kabkota)).toBe('32');
		expect(mapProvince(kabkota, '19')).toBe('19');
		expect(mapProvince(kabkota, '33')).toBe('32');
		// One province beside them (a benchmark) still leaves its regencies/cities on the map.
		expect(mapProvince(REGIONS.filter((r) => r.code.startsWith('19')))).toBe('19');
	});

	it('draws the provinces when several provinces are chosen, or no regencies/cities', () => {
		expect(mapProvince(REGIONS, '32')).toBeNull();
		expect(mapProvince(REGIONS.filter((r) => r.level === 'provinsi'))).toBeNull();
		expect(mapProvince([])).toBeNull();
	});

	it('measures a map wide for Indonesia and nearly square for Jawa Barat', () => {
		expect(boundsAspect(read(boundaryPath(null)))).toBeGreaterThan(2.5);
		const jabar = boundsAspect(read(boundaryPath('32')));
		expect(jabar).toBeGreaterThan(1);
		expect(jabar).toBeLessThan(1.6);
	});
});
