/**
 * UI text about the standing of figures and claims: the claim labels, coverage, the sintetis
 * switch, its notices and empty states, and the indicator pages. Same pattern as messages.ts.
 */
import type { Locale } from '$lib/format/number';

const id = {
	claimResmi: 'resmi',
	claimEstimasi: 'estimasi',
	claimSintetis: 'ilustrasi · sintetis',
	claimResmiTitle: 'Dibangun hanya dari angka resmi.',
	claimEstimasiTitle: 'Angka terlemah yang dipakai berstatus estimasi.',
	claimSintetisTitle: 'Bersandar pada data contoh (sintetis): ilustrasi, bukan data nyata.',
	coverage: '{counts} dari {of}',
	coverageHidden: '{counts} dari {of} · {hidden} sintetis disembunyikan',
	coverageLabel: 'Cakupan data',

	switchLabel: 'Data contoh (sintetis)',
	switchShow: 'tampilkan',
	switchHide: 'sembunyikan',
	noticeShown:
		'Data contoh (sintetis) ditampilkan: {share} angka yang tampil di halaman ini sintetis, bukan data nyata. Setiap klaim yang bersandar padanya ditandai “ilustrasi”.',
	noticeHidden:
		'Data contoh (sintetis) disembunyikan: {count} angka sintetis tidak dipakai. Peringkat, median, temuan dan ekspor hanya memakai angka resmi dan estimasi.',
	noticeHiddenNone:
		'Data contoh (sintetis) disembunyikan; semua angka di sini resmi atau estimasi.',
	noticeShowLink: 'Tampilkan data contoh',
	noticeHideLink: 'Sembunyikan data contoh',
	missingHeading: 'Belum ada angka resmi atau estimasi',
	missingData:
		'Belum ada angka resmi atau estimasi untuk {what}, tahun {year}. Unggah data dari instansi sumber di halaman Data.',
	missingDataAnyYear:
		'Belum ada angka resmi atau estimasi untuk {what}. Unggah data dari instansi sumber di halaman Data.',
	missingUpload: 'Unggah data',
	missingOr: 'atau',
	missingIndicators: 'Indikator tanpa angka: {list}.',

	legendPrint:
		'Status: resmi = terbitan instansi sumber; estimasi = perkiraan; sintetis = data contoh buatan, bukan angka nyata. Angka turunan (selisih, perubahan, peringkat, median, target, temuan) berstatus terlemah dari pembentuknya, ditandai huruf: r resmi, e estimasi, i ilustrasi (sintetis).',
	legendPrintHidden: 'Data contoh (sintetis) tidak ikut dicetak.',
	legendPrintShown: 'Data contoh (sintetis) ikut dicetak dan ditandai “ilustrasi”.',
	targetStatus: 'Status target',
	chartStatus: 'Status: {status}',
	chartMadeOn: 'Dibuat {date}',

	indicatorsTitle: 'Indikator',
	indicatorsLead:
		'Definisi, rumus atas fakta tersimpan, satuan, normalisasi, dataset dan sumber setiap indikator, serta cakupan datanya menurut status dan tahun.',
	indicatorDefinition: 'Definisi',
	indicatorFormula: 'Rumus',
	indicatorUnit: 'Satuan',
	indicatorNormalisations: 'Normalisasi',
	indicatorDatasets: 'Dataset',
	indicatorSources: 'Sumber',
	indicatorCoverage: 'Cakupan menurut status dan tahun',
	indicatorCoverageLead:
		'Banyaknya wilayah (provinsi dan kabupaten/kota) yang punya angka, menurut status terlemah fakta pembentuknya.',
	indicatorHigherBetter: 'Makin tinggi makin baik',
	indicatorLowerBetter: 'Makin rendah makin baik',
	indicatorYear: 'Tahun',
	indicatorTotal: 'Jumlah',
	indicatorNoData: 'Belum ada angka tersimpan untuk indikator ini.',
	indicatorAll: 'Semua indikator',
	indicatorSourcesMore: '… dan {count} sumber lain',
	indicatorPer: '× {per} ÷ {fact}',
	unitUnit: 'unit',
	unitOrang: 'orang',
	unitRupiah: 'Rupiah',
	unitPersen: 'persen',
	unitRasio: 'rasio'
};

export type StatusMessageKey = keyof typeof id;

const en: Record<StatusMessageKey, string> = {
	claimResmi: 'official',
	claimEstimasi: 'estimate',
	claimSintetis: 'illustration · synthetic',
	claimResmiTitle: 'Built from official figures only.',
	claimEstimasiTitle: 'The weakest figure it uses is an estimate.',
	claimSintetisTitle: 'Rests on sample (synthetic) data: an illustration, not real data.',
	coverage: '{counts} of {of}',
	coverageHidden: '{counts} of {of} · {hidden} synthetic hidden',
	coverageLabel: 'Data coverage',

	switchLabel: 'Sample data (synthetic)',
	switchShow: 'show',
	switchHide: 'hide',
	noticeShown:
		'Sample data (synthetic) is shown: {share} of the figures on this page are synthetic, not real data. Every claim resting on them is marked “illustration”.',
	noticeHidden:
		'Sample data (synthetic) is hidden: {count} synthetic figures are not used. Ranks, medians, findings and exports use official and estimated figures only.',
	noticeHiddenNone:
		'Sample data (synthetic) is hidden; every figure here is official or estimated.',
	noticeShowLink: 'Show sample data',
	noticeHideLink: 'Hide sample data',
	missingHeading: 'No official or estimated figures yet',
	missingData:
		'There are no official or estimated figures for {what} in {year} yet. Upload data from the source agency on the Data page.',
	missingDataAnyYear:
		'There are no official or estimated figures for {what} yet. Upload data from the source agency on the Data page.',
	missingUpload: 'Upload data',
	missingOr: 'or',
	missingIndicators: 'Indicators without figures: {list}.',

	legendPrint:
		'Status: official = published by the source agency; estimate = interpolated or projected; synthetic = made-up sample data, not a real figure. Every derived figure (gap, change, rank, median, target, finding) has the weakest status of the figures it is made from; the small letter after it: r official, e estimate, i illustration (synthetic).',
	legendPrintHidden: 'Sample (synthetic) data is not printed.',
	legendPrintShown: 'Sample (synthetic) data is printed and marked “illustration”.',
	targetStatus: 'Status of the target',
	chartStatus: 'Status: {status}',
	chartMadeOn: 'Made {date}',

	indicatorsTitle: 'Indicators',
	indicatorsLead:
		'Definition, formula over the stored facts, unit, normalisations, datasets and sources of every indicator, and its data coverage by status and year.',
	indicatorDefinition: 'Definition',
	indicatorFormula: 'Formula',
	indicatorUnit: 'Unit',
	indicatorNormalisations: 'Normalisations',
	indicatorDatasets: 'Datasets',
	indicatorSources: 'Sources',
	indicatorCoverage: 'Coverage by status and year',
	indicatorCoverageLead:
		'How many regions (provinces and regencies/cities) have a figure, by the weakest status of the facts behind it.',
	indicatorHigherBetter: 'Higher is better',
	indicatorLowerBetter: 'Lower is better',
	indicatorYear: 'Year',
	indicatorTotal: 'Total',
	indicatorNoData: 'No figures are stored for this indicator yet.',
	indicatorAll: 'All indicators',
	indicatorSourcesMore: '… and {count} more sources',
	indicatorPer: '× {per} ÷ {fact}',
	unitUnit: 'units',
	unitOrang: 'persons',
	unitRupiah: 'Rupiah',
	unitPersen: 'percent',
	unitRasio: 'ratio'
};

export const STATUS_MESSAGES: Record<Locale, Record<StatusMessageKey, string>> = { id, en };

/** A status text in the locale, with `{name}` parameters filled in. */
export function ss(
	locale: Locale,
	key: StatusMessageKey,
	values: Record<string, string | number> = {}
): string {
	return STATUS_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : match
	);
}
