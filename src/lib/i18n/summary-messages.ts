/**
 * UI text of the leadership summary (`/`), in Indonesian (the reference) and English. Same pattern
 * as messages.ts: `en` is typed against the Indonesian keys; `{name}` is a parameter.
 */
import type { Locale } from '$lib/format/number';

const id = {
	pageTitle: 'Ringkasan pimpinan: {focus} dibanding {benchmark}',
	eyebrow: 'Ringkasan pimpinan',
	lead: 'Posisi {focus} terhadap {benchmark} dan {peers}, tahun {year}.',
	printedOn: 'Dicetak {date}',
	printPeers: 'Kelompok sejawat: {peers}',
	printLink: 'Tautan: {url}',
	print: 'Cetak / PDF',

	peerGroup: 'Kelompok sejawat',
	peersProvince: 'Kabupaten/kota di {province}',
	peersProvinceGeneric: 'Kabupaten/kota se-provinsi',
	peersNation: 'Semua {level} se-Indonesia',
	peersCustom: 'Daftar pilihan',
	levelKabkotaPlural: 'kabupaten/kota',
	levelProvinsiPlural: 'provinsi',
	customHeading: 'Wilayah dalam daftar pilihan ({count})',
	customAdd: 'Tambah wilayah ke daftar',
	customAddPlaceholder: 'Ketik nama atau kode, mis. Kota Bandung',
	customRemove: 'Hapus {region} dari daftar',
	customEmpty: 'Belum ada wilayah lain dalam daftar; {focus} dibandingkan dengan dirinya sendiri.',
	customSave: 'Simpan daftar ini',
	customSaveName: 'Nama daftar',
	customSaved: 'Daftar tersimpan',
	customSavedNone: 'Belum ada daftar tersimpan di peramban ini.',
	customSavedDelete: 'Hapus daftar {name}',
	customSavedHint: 'Daftar disimpan di peramban ini; tautan halaman juga memuat daftarnya.',
	fellBack: '{focus} adalah provinsi, jadi peringkatnya dihitung di antara semua provinsi.',

	scopeProvince: 'kabupaten/kota di {province}',
	scopeNationKabkota: 'kabupaten/kota se-Indonesia',
	scopeNationProvinsi: 'provinsi se-Indonesia',
	scopeCustom: 'wilayah pilihan',
	withData: 'yang punya data',
	withDataBothYears: 'yang punya data di kedua tahun',
	rankHead: '{rank} dari {of}',
	ordinal: 'ke-{n}',
	notRanked: 'tidak diperingkat: belum ada data {year}',

	cardsHeading: 'Indikator utama {year}',
	kdkmpTitle: 'Koperasi Merah Putih {year}',
	kdkmpSub:
		'Koperasi Desa/Kelurahan Merah Putih menurut SIMKOPDES (potret 5 Agustus 2026), dibanding jumlah desa dan kelurahan (Kepmendagri 2025).',
	kdkmpCoverage: '{coops} koperasi dari {villages} desa/kelurahan',
	kdkmpNib: '{share} sudah ber-NIB',
	kdkmpEmpty: 'Belum ada data Koperasi Merah Putih.',
	defaultYearWhy:
		'Tahun {year}: tahun terbaru dengan data {focus} dan {benchmark} pada {covered} dari {total} indikator utama. Pilih tahun lain di atas.',
	cardsLead:
		'Angka dinormalisasi (per penduduk, per koperasi, persentase) agar kabupaten/kota dan provinsi sebanding.',
	changeLabel: 'Perubahan sejak {year}',
	gapShort: 'Selisih',
	changeShort: 'Sejak {year}',
	changeNone: 'tidak ada angka {year}',
	changeSteadyZero: 'tetap 0',
	changeFromZero: 'dari 0 menjadi {value}',
	pointsUnit: 'poin',
	rankLabel: 'Peringkat',
	sparklineLabel: 'Tren {indicator}, {from}–{to}: {values}',
	sparklineMedian: 'garis titik-titik: median sejawat',
	absoluteFigure: 'angka total (tidak dinormalisasi)',

	findingsHeading: 'Temuan utama',
	findingsLead:
		'Disusun otomatis dari angka pada halaman ini; setiap temuan menautkan ke grafik sumbernya.',
	findingsGaps: 'Selisih terbesar terhadap {benchmark}',
	findingsMoves: 'Yang bergerak, {previousYear}–{year}',
	findingsRanks: 'Peringkat di antara {scope}',
	findingsNone: 'Belum ada temuan: angka {focus} dan {benchmark} untuk {year} belum cukup.',
	findingLink: 'grafik',
	findingLinkLabel: 'Lihat grafik {indicator}',
	gapBelow:
		'{indicator} {focus} {gap} di bawah {benchmark} ({year}: {focusValue} dibanding {benchmarkValue}).',
	gapAbove:
		'{indicator} {focus} {gap} di atas {benchmark} ({year}: {focusValue} dibanding {benchmarkValue}).',
	gapBelowPoints:
		'{indicator} {focus} {gap} poin persentase di bawah {benchmark} ({year}: {focusValue} dibanding {benchmarkValue}).',
	gapAbovePoints:
		'{indicator} {focus} {gap} poin persentase di atas {benchmark} ({year}: {focusValue} dibanding {benchmarkValue}).',
	rise: '{indicator} {focus} naik {change} dari {previousYear} ke {year} ({previousValue} → {value}).',
	fall: '{indicator} {focus} turun {change} dari {previousYear} ke {year} ({previousValue} → {value}).',
	pointsChange: '{points} poin persen ({relative})',
	rankUp:
		'Peringkat {focus} untuk {indicator} naik dari {previousRank} menjadi {rank} dari {of} {scope} ({previousYear} → {year}).',
	rankDown:
		'Peringkat {focus} untuk {indicator} turun dari {previousRank} menjadi {rank} dari {of} {scope} ({previousYear} → {year}).',
	rankSteady:
		'Peringkat {focus} di antara {scope} tidak berubah dari {previousYear} ke {year} pada semua indikator utama yang dapat diperingkat.',

	detailHeading: 'Rincian indikator',
	trendTitle: 'Tren {indicator}',
	medianLegend: 'Median {scope}',
	trendAria: 'Grafik garis {indicator} untuk {focus}, {benchmark} dan median {scope}, {from}–{to}.',
	colMedian: 'Median sejawat',
	medianYears:
		'Median {scope} hanya untuk {years}: kelompok sebesar ini dimuat untuk tahun terpilih dan tahun sebelumnya saja.',
	rankingTitle: 'Peringkat {scope}, {year}',
	rankingAria: 'Grafik batang {indicator}, {count} wilayah {scope}, tahun {year}.',
	benchmarkMark: '{region} (pembanding)',
	rankingWindow: 'Menampilkan {shown} dari {count} wilayah; tabel data memuat semuanya.',
	rankingNoFocus: '{focus} belum punya angka {year}, jadi tidak diperingkat.',
	rankingCoverage: '{withData} dari {size} wilayah {scope} punya angka {year}.',

	takesHeading: 'Yang dibutuhkan',
	takesLead: 'Perubahan yang dibutuhkan {focus} pada {indicator}, tahun {year}.',
	takesToBenchmark: 'Menyamai {benchmark}',
	takesToQuartile: 'Masuk seperempat teratas {scope}',
	takesTarget: 'Sasaran: {target}; sekarang {current}.',
	takesNeed: 'Perlu {direction} {delta}.',
	takesUp: 'naik',
	takesDown: 'turun',
	takesFact: 'Setara dengan {factDelta} {fact}, bila {held} tetap.',
	takesFactMore: 'tambahan',
	takesFactLess: 'pengurangan',
	takesReached: 'Sudah tercapai: {current} dibanding {target}.',
	takesNoData: 'Tidak dapat dihitung: angka {region} tahun {year} belum ada.',
	takesNoFact:
		'Penyetaraan ke jumlah absolut tidak dapat dihitung karena angka {focus} saat ini nol.',
	takesQuartileNote: 'Ambang seperempat teratas: kuartil dari {count} wilayah yang punya data.',
	heldPopulation: 'jumlah penduduk',

	compositionHeading: 'Komposisi',
	capitalTitle: 'Modal sendiri dan modal luar, {year}',
	capitalSub: 'persen dari modal sendiri + modal luar',
	capitalAria:
		'Grafik batang bertumpuk modal sendiri dan modal luar {focus} dan {benchmark}, {year}.',
	ownCapital: 'Modal sendiri',
	outsideCapital: 'Modal luar',
	marketTitle: 'Ke mana UMKM menjual, {year}',
	marketSub: 'persen dari jumlah UMKM; satu UMKM bisa masuk lebih dari satu saluran',
	marketAria: 'Grafik batang saluran penjualan UMKM {focus} dan {benchmark}, {year}.',
	channelOutside: 'Ke luar daerah',
	channelExport: 'Ekspor',
	channelOnline: 'Daring',
	colChannel: 'Saluran',
	allUmkm: 'Semua UMKM',
	colShare: 'Persen',
	colCount: 'Jumlah',
	colPart: 'Bagian',
	colAmount: 'Nilai',
	typesTitle: 'Jenis koperasi aktif, {year}',
	typesSub: 'persen dari koperasi aktif',
	typesAria: 'Grafik batang jenis koperasi {focus} dan {benchmark}, {year}.',
	typesEmpty: 'Belum ada rincian jenis koperasi; unggah data per jenis.',
	colType: 'Jenis',

	downloadPng: 'PNG',
	downloadPngLabel: 'Unduh grafik “{title}” sebagai PNG',
	sourceNotes: 'Catatan sumber',
	sourceNotesLead: 'Semua sumber angka pada halaman ini ({count}).',
	sourceNotesPrint: 'dipersingkat; teks lengkap di tautan halaman',
	errorUnknownPeers:
		'Kelompok sejawat "{value}" tidak dikenal. Gunakan provinsi, nasional atau pilihan.'
} as const satisfies Record<string, string>;

export type SummaryMessageKey = keyof typeof id;

const en: Record<SummaryMessageKey, string> = {
	pageTitle: 'Leadership summary: {focus} compared with {benchmark}',
	eyebrow: 'Leadership summary',
	lead: 'Where {focus} stands against {benchmark} and {peers}, {year}.',
	printedOn: 'Printed {date}',
	printPeers: 'Peer group: {peers}',
	printLink: 'Link: {url}',
	print: 'Print / PDF',

	peerGroup: 'Peer group',
	peersProvince: 'Regencies and cities in {province}',
	peersProvinceGeneric: 'Regencies and cities of the province',
	peersNation: 'All {level} nationwide',
	peersCustom: 'Chosen list',
	levelKabkotaPlural: 'regencies and cities',
	levelProvinsiPlural: 'provinces',
	customHeading: 'Regions in the chosen list ({count})',
	customAdd: 'Add a region to the list',
	customAddPlaceholder: 'Type a name or code, e.g. Kota Bandung',
	customRemove: 'Remove {region} from the list',
	customEmpty: 'No other region in the list yet; {focus} is compared with itself.',
	customSave: 'Save this list',
	customSaveName: 'List name',
	customSaved: 'Saved lists',
	customSavedNone: 'No saved lists in this browser yet.',
	customSavedDelete: 'Delete list {name}',
	customSavedHint: 'Lists are saved in this browser; the page link carries the list too.',
	fellBack: '{focus} is a province, so it is ranked among all provinces.',

	scopeProvince: 'regencies and cities in {province}',
	scopeNationKabkota: 'regencies and cities nationwide',
	scopeNationProvinsi: 'provinces nationwide',
	scopeCustom: 'chosen regions',
	withData: 'with data',
	withDataBothYears: 'with data in both years',
	rankHead: '{rank} of {of}',
	ordinal: '{n}',
	notRanked: 'not ranked: no data for {year}',

	cardsHeading: 'Headline indicators {year}',
	kdkmpTitle: 'Merah Putih village cooperatives {year}',
	kdkmpSub:
		'Koperasi Desa/Kelurahan Merah Putih in SIMKOPDES (snapshot of 5 August 2026), against the number of villages (Kepmendagri 2025).',
	kdkmpCoverage: '{coops} cooperatives for {villages} villages',
	kdkmpNib: '{share} have a business id (NIB)',
	kdkmpEmpty: 'No Merah Putih cooperative figures yet.',
	defaultYearWhy:
		'{year}: the latest year with figures for {focus} and {benchmark} on {covered} of {total} headline indicators. Pick another year above.',
	cardsLead:
		'Figures are normalised (per resident, per cooperative, percentages) so regencies and provinces compare fairly.',
	changeLabel: 'Change since {year}',
	gapShort: 'Gap',
	changeShort: 'Since {year}',
	changeNone: 'no figure for {year}',
	changeSteadyZero: 'unchanged at 0',
	changeFromZero: 'from 0 to {value}',
	pointsUnit: 'pts',
	rankLabel: 'Rank',
	sparklineLabel: '{indicator} over time, {from}–{to}: {values}',
	sparklineMedian: 'dotted line: peer median',
	absoluteFigure: 'total figure (not normalised)',

	findingsHeading: 'Key findings',
	findingsLead:
		'Written automatically from the figures on this page; each finding links to the chart it comes from.',
	findingsGaps: 'Largest gaps to {benchmark}',
	findingsMoves: 'What moved, {previousYear}–{year}',
	findingsRanks: 'Rank among {scope}',
	findingsNone:
		'No findings yet: there are not enough figures for {focus} and {benchmark} in {year}.',
	findingLink: 'chart',
	findingLinkLabel: 'See the chart of {indicator}',
	gapBelow:
		'{indicator} in {focus} is {gap} below {benchmark} ({year}: {focusValue} against {benchmarkValue}).',
	gapAbove:
		'{indicator} in {focus} is {gap} above {benchmark} ({year}: {focusValue} against {benchmarkValue}).',
	gapBelowPoints:
		'{indicator} in {focus} is {gap} percentage points below {benchmark} ({year}: {focusValue} against {benchmarkValue}).',
	gapAbovePoints:
		'{indicator} in {focus} is {gap} percentage points above {benchmark} ({year}: {focusValue} against {benchmarkValue}).',
	rise: '{indicator} in {focus} rose {change} from {previousYear} to {year} ({previousValue} → {value}).',
	fall: '{indicator} in {focus} fell {change} from {previousYear} to {year} ({previousValue} → {value}).',
	pointsChange: '{points} percentage points ({relative})',
	rankUp:
		'{focus} moved up from {previousRank} to {rank} of {of} {scope} on {indicator} ({previousYear} → {year}).',
	rankDown:
		'{focus} moved down from {previousRank} to {rank} of {of} {scope} on {indicator} ({previousYear} → {year}).',
	rankSteady:
		'The rank of {focus} among {scope} did not change from {previousYear} to {year} on any headline indicator that can be ranked.',

	detailHeading: 'Indicator detail',
	trendTitle: '{indicator} over time',
	medianLegend: 'Median of {scope}',
	trendAria:
		'Line chart of {indicator} for {focus}, {benchmark} and the median of {scope}, {from}–{to}.',
	colMedian: 'Peer median',
	medianYears:
		'Median of {scope} for {years} only: a group this large is loaded for the chosen year and the year before.',
	rankingTitle: 'Ranking of {scope}, {year}',
	rankingAria: 'Bar chart of {indicator}, {count} regions ({scope}), {year}.',
	benchmarkMark: '{region} (benchmark)',
	rankingWindow: 'Showing {shown} of {count} regions; the data table lists them all.',
	rankingNoFocus: '{focus} has no figure for {year}, so it is not ranked.',
	rankingCoverage: '{withData} of {size} {scope} have a figure for {year}.',

	takesHeading: 'What it would take',
	takesLead: 'The change {focus} needs in {indicator}, {year}.',
	takesToBenchmark: 'Match {benchmark}',
	takesToQuartile: 'Reach the top quarter of {scope}',
	takesTarget: 'Target: {target}; now {current}.',
	takesNeed: 'Needs to {direction} by {delta}.',
	takesUp: 'rise',
	takesDown: 'fall',
	takesFact: 'That is {factDelta} {fact}, if {held} stays the same.',
	takesFactMore: 'more',
	takesFactLess: 'less',
	takesReached: 'Already there: {current} against {target}.',
	takesNoData: 'Cannot be computed: {region} has no figure for {year}.',
	takesNoFact: 'No equivalent in absolute numbers: the current figure of {focus} is zero.',
	takesQuartileNote: 'Top-quarter threshold: quartile of the {count} regions with data.',
	heldPopulation: 'the population',

	compositionHeading: 'Composition',
	capitalTitle: 'Own and outside capital, {year}',
	capitalSub: 'percent of own + outside capital',
	capitalAria: 'Stacked bar chart of own and outside capital of {focus} and {benchmark}, {year}.',
	ownCapital: 'Own capital',
	outsideCapital: 'Outside capital',
	marketTitle: 'Where MSMEs sell, {year}',
	marketSub: 'percent of all MSMEs; one MSME can use more than one channel',
	marketAria: 'Bar chart of MSME sales channels of {focus} and {benchmark}, {year}.',
	channelOutside: 'Outside the region',
	channelExport: 'Export',
	channelOnline: 'Online',
	colChannel: 'Channel',
	allUmkm: 'All MSMEs',
	colShare: 'Percent',
	colCount: 'Count',
	colPart: 'Part',
	colAmount: 'Amount',
	typesTitle: 'Active cooperatives by type, {year}',
	typesSub: 'percent of active cooperatives',
	typesAria: 'Bar chart of cooperative types of {focus} and {benchmark}, {year}.',
	typesEmpty: 'No breakdown by cooperative type yet; upload data per type.',
	colType: 'Type',

	downloadPng: 'PNG',
	downloadPngLabel: 'Download the chart “{title}” as PNG',
	sourceNotes: 'Source notes',
	sourceNotesLead: 'Every source of the figures on this page ({count}).',
	sourceNotesPrint: 'shortened; full text at the page link',
	errorUnknownPeers: 'Unknown peer group "{value}". Use provinsi, nasional or pilihan.'
};

export const SUMMARY_MESSAGES: Record<Locale, Record<SummaryMessageKey, string>> = { id, en };

/** A summary text in the locale, with `{name}` parameters filled in. */
export function st(
	locale: Locale,
	key: SummaryMessageKey,
	values: Record<string, string | number> = {}
): string {
	return SUMMARY_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : match
	);
}

/** `5` → `ke-5` (id) or `5th` (en). */
export function ordinal(locale: Locale, n: number): string {
	if (locale === 'id') return st(locale, 'ordinal', { n });
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
