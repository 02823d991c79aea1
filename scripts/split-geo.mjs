#!/usr/bin/env node
// Builds static/geo/ from the boundary files of geo-batas-wilayah (licences and changes in
// static/geo/SOURCES.md): provinsi.json (38 provinces) and kabkota/<PP>.json (the regencies and
// cities of one province), so a map of one province never downloads the national file.
// Properties are reduced to { kode, nama } (Kemendagri code, official name) and coordinates are
// rounded to 4 decimals (about 11 m; the polygons are far coarser than that).
// Usage: node scripts/split-geo.mjs [source-dir]   (default: ../shared/datasets-source/geo-batas-wilayah)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.resolve(
	process.argv[2] ?? path.join(ROOT, '..', 'shared', 'datasets-source', 'geo-batas-wilayah')
);
const OUT = path.join(ROOT, 'static', 'geo');

const round = (n) => Math.round(n * 1e4) / 1e4;

/** A ring with rounded coordinates and no repeated consecutive points (still closed). */
function ring(points) {
	const out = [];
	for (const [x, y] of points) {
		const p = [round(x), round(y)];
		const last = out.at(-1);
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out.length >= 4 ? out : null;
}

function polygon(rings) {
	const kept = rings.map(ring);
	return kept[0] ? kept.filter(Boolean) : null;
}

function geometry(g) {
	if (g.type === 'Polygon') {
		const p = polygon(g.coordinates);
		return p && { type: 'Polygon', coordinates: p };
	}
	const polygons = g.coordinates.map(polygon).filter(Boolean);
	return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

function feature(kode, nama, g) {
	const simplified = geometry(g);
	if (!simplified) throw new Error(`${kode}: no polygon left after rounding`);
	return { type: 'Feature', properties: { kode, nama }, geometry: simplified };
}

const read = (name) => JSON.parse(fs.readFileSync(path.join(SRC, name), 'utf8'));
const write = (rel, features) => {
	const file = path.join(OUT, rel);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	features.sort((a, b) => a.properties.kode.localeCompare(b.properties.kode));
	fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
	return features.length;
};

const provinces = read('indonesia_38_provinsi.geojson').features.map((f) =>
	feature(f.properties.KODE_PROV, f.properties.PROVINSI, f.geometry)
);
console.log(`provinsi.json: ${write('provinsi.json', provinces)} features`);

const byProvince = new Map();
for (const f of read('indonesia_kabkota_507_kode2025.geojson').features) {
	const { kode, nama, kode_provinsi: province } = f.properties;
	byProvince.set(province, [...(byProvince.get(province) ?? []), feature(kode, nama, f.geometry)]);
}
fs.rmSync(path.join(OUT, 'kabkota'), { recursive: true, force: true });
let total = 0;
for (const [province, features] of byProvince) total += write(`kabkota/${province}.json`, features);
console.log(`kabkota/: ${byProvince.size} files, ${total} features`);
