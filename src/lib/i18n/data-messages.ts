/**
 * UI text of the data pages (upload, history, login), in Indonesian (the reference) and English.
 * Same pattern as messages.ts: `en` is typed against the Indonesian keys; `{name}` is a parameter.
 */
import type { Locale } from '$lib/format/number';

const id = {
	navData: 'Data',
	navHistory: 'Riwayat',
	navLogin: 'Masuk',
	navLogout: 'Keluar',

	dataTitle: 'Unggah data',
	dataLead:
		'Tambahkan atau ganti angka koperasi, pembiayaan, jangkauan pasar UMKM atau penduduk dari berkas CSV. Berkas diperiksa dulu; data hanya disimpan bila seluruh baris lolos pemeriksaan.',
	historyLink: 'Riwayat unggahan',
	noUploadTitle: 'Hanya analis yang dapat mengunggah data',
	noUploadAnonymous:
		'Untuk mengunggah, masuk dengan akun berperan analis atau admin. Siapa pun dapat melihat riwayat unggahan.',
	noUploadViewer:
		'Anda masuk sebagai {name} dengan peran {role}. Peran ini hanya dapat melihat data; minta admin mengubah peran Anda bila perlu mengunggah.',
	loginToUpload: 'Masuk untuk mengunggah',
	roleViewer: 'pemirsa',
	roleAnalyst: 'analis',
	roleAdmin: 'admin',

	stepFile: '1. Pilih berkas',
	fileLabel: 'Berkas CSV',
	fileHelp:
		'Seret berkas ke sini atau pilih dari komputer. CSV dari Excel (pemisah ; atau ,), paling besar {limit} MB.',
	fileChoose: 'Pilih berkas…',
	fileDropHere: 'Lepaskan berkas untuk membacanya',
	fileTooLarge:
		'Berkas {name} berukuran {size} MB, melebihi batas {limit} MB. Pecah berkas per tahun atau per wilayah.',
	fileNotText:
		'Berkas {name} bukan CSV teks (mungkin Excel, PDF atau gambar). Di Excel pilih Simpan Sebagai → CSV, lalu unggah lagi.',
	fileEmpty: 'Berkas {name} kosong atau tidak punya baris judul kolom.',
	fileFailed: 'Berkas tidak dapat dibaca: {message}',
	regionsFailed:
		'Daftar wilayah tidak dapat dimuat, jadi berkas belum bisa diperiksa. Muat ulang halaman.',
	phaseReading: 'Membaca berkas…',
	phaseParsing: 'Mengurai baris…',
	phaseChecking: 'Memeriksa baris…',
	progressLabel: 'Kemajuan pemeriksaan',
	progressDone: 'Pemeriksaan selesai.',

	stepCheck: '2. Periksa isi berkas',
	detectedHeading: 'Yang terbaca dari berkas',
	detectedFile: 'Berkas',
	detectedEncoding: 'Pengodean teks',
	detectedDelimiter: 'Pemisah kolom',
	detectedRows: 'Baris data',
	encodingUtf8: 'UTF-8',
	encodingUtf8Bom: 'UTF-8 dengan BOM (ekspor Excel)',
	encodingWindows1252: 'Windows-1252 (Excel lama)',
	delimiterSemicolon: 'titik koma (;)',
	delimiterComma: 'koma (,)',
	delimiterTab: 'tab',
	kindLabel: 'Jenis data',
	kindChoose: '— pilih jenis data —',
	kindSuggested: '{kind} (disarankan)',
	kindNoSuggestion:
		'Jenis data tidak dapat ditebak dari judul kolom. Pilih jenis datanya untuk melanjutkan.',
	kindSuggestionNote: 'Disarankan dari judul kolom: {kind} ({count} kolom angka cocok).',

	conventionHeading: 'Format angka yang perlu Anda pilih',
	conventionQuestion:
		'Kolom “{column}” hanya berisi angka seperti “{example}”, yang bisa berarti ribuan atau desimal. Bagaimana angka ini ditulis?',
	conventionId: 'Format Indonesia (titik pemisah ribuan): “{example}” dibaca {value}',
	conventionEn: 'Format Inggris (titik desimal): “{example}” dibaca {value}',

	columnsHeading: 'Kolom',
	columnsCaption:
		'Setiap kolom berkas dan kolom data tujuannya. Ubah pilihan bila kolom terbaca salah; pemetaan ini dikirim bersama berkas, berkasnya sendiri tidak diubah.',
	colFileColumn: 'Kolom di berkas',
	colTarget: 'Disimpan sebagai',
	colUnit: 'Satuan',
	colNumberFormat: 'Format angka',
	colExample: 'Contoh',
	targetIgnore: '(tidak disimpan)',
	targetFor: 'Kolom tujuan untuk “{column}”',
	unitTimes: '× {factor}',
	unitNone: '—',
	formatId: 'Indonesia (1.234,5)',
	formatEn: 'Inggris (1,234.5)',
	formatPlain: 'bilangan bulat',
	formatAmbiguous: 'belum jelas — pilih di atas',
	formatMixed: 'campuran — perbaiki berkas',
	formatChosen: '{format}, pilihan Anda',
	columnUnknown: 'tidak dikenal: tidak disimpan kecuali Anda memilih kolomnya',

	fileValuesHeading: 'Status, sumber dan tahun untuk seluruh berkas',
	fileValuesLead:
		'Dipakai untuk baris yang tidak punya kolomnya atau selnya kosong; isi baris sendiri tetap berlaku.',
	statusLabel: 'Status data',
	statusFromFile: '— dari kolom status_data —',
	statusResmi: 'resmi (angka terbitan)',
	statusEstimasi: 'estimasi (turunan, proyeksi)',
	statusSintetis: 'sintetis (ilustrasi)',
	yearLabel: 'Tahun',
	yearHelp: 'Untuk berkas tanpa kolom tahun, misalnya ekspor per tanggal.',
	periodsLegend: 'Kolom “{column}” berisi {period}, bukan tahun. Angka setahun dibuat:',
	periodQuarter: 'triwulan',
	periodMonth: 'bulan',
	periodDate: 'tanggal',
	periodsKind:
		'menurut jenis angka: stok (jumlah koperasi, anggota, modal, aset) dari periode terakhir tiap tahun; arus (volume usaha, SHU, pinjaman, KUR, penjualan) dijumlahkan setahun',
	periodsLast:
		'dari periode terakhir tiap tahun untuk semua angka (laporan kumulatif sampai periode itu)',

	previewHeading: 'Pratinjau {count} baris pertama',
	previewCaption:
		'Nilai seperti akan disimpan; teks asli di berkas ditampilkan di bawahnya bila berbeda.',
	colLine: 'Baris',
	rawText: 'teks: {raw}',
	valueEmpty: 'kosong',
	valueInvalid: 'tidak valid',
	valueUndecided: 'pilih format angka',
	rowHasProblem: 'baris bermasalah',
	noRows: 'Berkas tidak berisi baris data di bawah judul kolom.',

	problemsHeading: 'Laporan pemeriksaan',
	problemsNone: 'Tidak ada masalah: {rows} baris siap disimpan.',
	problemsCount: '{count} masalah ditemukan; tidak ada yang disimpan sebelum semuanya diperbaiki.',
	problemsShown: 'Ditampilkan {shown} masalah pertama dari {count}.',
	problemsGrouped: 'Masalah yang sama dikelompokkan; unduhan berisi setiap baris.',
	groupRows: '{count} baris',
	groupLines: 'baris {lines}',
	groupMore: 'dan {count} lainnya',
	problemsServer: 'Server menemukan masalah saat membandingkan dengan data tersimpan.',
	problemsCaption: 'Masalah per baris dan kolom, dengan cara memperbaikinya',
	colColumn: 'Kolom',
	colValue: 'Nilai',
	colProblem: 'Masalah',
	colFix: 'Perbaikan',
	problemsDownload: 'Unduh semua masalah (CSV)',

	stepSave: '3. Simpan',
	modeLegend: 'Cara menyimpan',
	modeAppend: 'Tambah',
	modeAppendHelp:
		'Menambahkan baris baru. Bila angka untuk wilayah dan tahun yang sama sudah tersimpan, unggahan ditolak agar tidak terhitung dua kali.',
	modeReplace: 'Ganti',
	modeReplaceHelp:
		'Untuk setiap wilayah dan tahun di berkas, nilai kolom fakta yang ada di berkas diganti (sel kosong mengosongkannya). Fakta lain wilayah dan tahun itu, serta wilayah dan tahun lain, tidak berubah.',
	sourceLabel: 'Sumber',
	sourceHelp:
		'Tautan, publikasi atau metode; juga dicatat di riwayat unggahan. Paling banyak 500 karakter.',
	checkChanges: 'Periksa perubahan',
	checkChangesBusy: 'Memeriksa di server…',
	checkChangesBlocked: 'Perbaiki semua masalah di atas sebelum memeriksa perubahan.',
	planHeading: 'Yang akan berubah',
	planSummary:
		'{added} baris dari berkas, di {pairs} pasangan wilayah–tahun. Nilai yang berubah per fakta:',
	planStale: 'Pilihan berubah sejak pemeriksaan terakhir; periksa perubahan lagi.',
	confirm: 'Simpan {rows} baris',
	confirmBusy: 'Menyimpan…',
	savedHeading: 'Data tersimpan',
	savedText: 'Versi {version} tersimpan: {added} baris dari berkas.',
	savedDashboard: 'Lihat di dasbor',
	savedHistory: 'Lihat riwayat',
	uploadAnother: 'Unggah berkas lain',
	refusedHeading: 'Unggahan ditolak',
	loginAgain: 'Masuk lagi',

	changesCaption: 'Perubahan per wilayah dan tahun',
	colRegion: 'Wilayah',
	colYear: 'Tahun',
	colAdded: 'Baris dari berkas',
	colReplaced: 'Baris lama disisihkan',
	changesShowAll: 'Lihat rincian {count} pasangan wilayah–tahun',
	factsCaption: 'Perubahan nilai per fakta',
	colFact: 'Fakta',
	colChanged: 'Diubah',
	colAddedValues: 'Ditambah',
	colCleared: 'Dikosongkan',
	colUnchanged: 'Sama',
	factsKept: 'Tidak ada di berkas, tetap tersimpan apa adanya:',
	factKept: '{fact} ({count} nilai)',

	historyTitle: 'Riwayat unggahan',
	historyLead:
		'Setiap unggahan menjadi satu versi. Unggahan terbaru suatu jenis data dapat dibatalkan; data sebelumnya kembali persis seperti semula.',
	historyEmpty: 'Belum ada versi data.',
	historyLoadFailed: 'Riwayat tidak dapat dimuat: {message}',
	historyToUpload: 'Unggah data baru',
	historyPrivate:
		'Nama pengunggah, nama berkas dan catatan sumber hanya terlihat oleh analis dan admin yang sudah masuk.',
	versionHeading: 'Versi {id}',
	versionFile: 'Berkas',
	versionRows: 'Baris',
	versionBy: 'Oleh',
	versionAt: 'Waktu',
	versionSource: 'Catatan sumber',
	versionChangesSummary: 'Perubahan: {added} ditambah, {replaced} diganti',
	versionNoChanges: 'tidak tercatat',
	versionActive: 'aktif',
	versionUndone: 'dibatalkan {at}',
	modeAppendShort: 'tambah',
	modeReplaceShort: 'ganti',
	modeBundledShort: 'data bawaan',
	undo: 'Batalkan unggahan',
	undoConfirm:
		'Batalkan versi {id}? Baris yang ditambahkannya dihapus dan baris yang digantinya kembali.',
	undoYes: 'Ya, batalkan versi {id}',
	undoNo: 'Tidak',
	undoBusy: 'Membatalkan…',
	undoDone: 'Versi {id} dibatalkan. Data sebelumnya berlaku lagi.',
	undoFailed: 'Versi {id} tidak dapat dibatalkan: {message}',
	undoBlocked: 'Tidak dapat dibatalkan: {reason}',
	timeZone: 'WIB',

	loginTitle: 'Masuk',
	loginLead: 'Masuk untuk mengunggah data atau membatalkan unggahan.',
	loginName: 'Nama pengguna',
	loginPassword: 'Kata sandi',
	loginSubmit: 'Masuk',
	loginBusy: 'Memeriksa…',
	loginInvalid: 'Nama pengguna atau kata sandi salah.',
	loginThrottled: 'Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.',
	loginAlready: 'Anda masuk sebagai {name} ({role}).',
	loginContinue: 'Lanjutkan',
	logout: 'Keluar'
} as const satisfies Record<string, string>;

export type DataMessageKey = keyof typeof id;

const en: Record<DataMessageKey, string> = {
	navData: 'Data',
	navHistory: 'History',
	navLogin: 'Log in',
	navLogout: 'Log out',

	dataTitle: 'Upload data',
	dataLead:
		'Add or replace cooperative, financing, MSME market-reach or population figures from a CSV file. The file is checked first; data is stored only when every row passes.',
	historyLink: 'Upload history',
	noUploadTitle: 'Only analysts can upload data',
	noUploadAnonymous:
		'To upload, log in with an analyst or admin account. Anyone can read the upload history.',
	noUploadViewer:
		'You are logged in as {name} with the {role} role. This role can only read data; ask an admin to change your role if you need to upload.',
	loginToUpload: 'Log in to upload',
	roleViewer: 'viewer',
	roleAnalyst: 'analyst',
	roleAdmin: 'admin',

	stepFile: '1. Choose a file',
	fileLabel: 'CSV file',
	fileHelp:
		'Drag a file here or pick one from your computer. CSV from Excel (; or , delimited), at most {limit} MB.',
	fileChoose: 'Choose a file…',
	fileDropHere: 'Drop the file to read it',
	fileTooLarge:
		'The file {name} is {size} MB, over the {limit} MB limit. Split it by year or region.',
	fileNotText:
		'The file {name} is not a text CSV (perhaps Excel, PDF or an image). In Excel choose Save As → CSV, then upload again.',
	fileEmpty: 'The file {name} is empty or has no header row.',
	fileFailed: 'The file cannot be read: {message}',
	regionsFailed:
		'The region list could not be loaded, so the file cannot be checked. Reload the page.',
	phaseReading: 'Reading the file…',
	phaseParsing: 'Parsing rows…',
	phaseChecking: 'Checking rows…',
	progressLabel: 'Check progress',
	progressDone: 'Check finished.',

	stepCheck: '2. Review the file',
	detectedHeading: 'What was read from the file',
	detectedFile: 'File',
	detectedEncoding: 'Text encoding',
	detectedDelimiter: 'Delimiter',
	detectedRows: 'Data rows',
	encodingUtf8: 'UTF-8',
	encodingUtf8Bom: 'UTF-8 with BOM (Excel export)',
	encodingWindows1252: 'Windows-1252 (older Excel)',
	delimiterSemicolon: 'semicolon (;)',
	delimiterComma: 'comma (,)',
	delimiterTab: 'tab',
	kindLabel: 'Dataset',
	kindChoose: '— choose a dataset —',
	kindSuggested: '{kind} (suggested)',
	kindNoSuggestion: 'The dataset cannot be guessed from the headers. Choose it to continue.',
	kindSuggestionNote:
		'Suggested from the headers: {kind} ({count} figure {count|column matches|columns match}).',

	conventionHeading: 'Number formats for you to choose',
	conventionQuestion:
		'Column “{column}” only holds numbers like “{example}”, which may be thousands or decimals. How are they written?',
	conventionId: 'Indonesian (dot for thousands): “{example}” reads as {value}',
	conventionEn: 'English (dot for decimals): “{example}” reads as {value}',

	columnsHeading: 'Columns',
	columnsCaption:
		'Each file column and the data column it goes to. Change a choice when a column was read wrongly; the mapping is sent with the file, which itself stays as it is.',
	colFileColumn: 'File column',
	colTarget: 'Stored as',
	colUnit: 'Unit',
	colNumberFormat: 'Number format',
	colExample: 'Example',
	targetIgnore: '(not stored)',
	targetFor: 'Target column for “{column}”',
	unitTimes: '× {factor}',
	unitNone: '—',
	formatId: 'Indonesian (1.234,5)',
	formatEn: 'English (1,234.5)',
	formatPlain: 'whole numbers',
	formatAmbiguous: 'unclear — choose above',
	formatMixed: 'mixed — fix the file',
	formatChosen: '{format}, your choice',
	columnUnknown: 'not recognised: not stored unless you choose its column',

	fileValuesHeading: 'Status, source and year for the whole file',
	fileValuesLead:
		'Used for rows without the column or with an empty cell; a row’s own value still counts.',
	statusLabel: 'Data status',
	statusFromFile: '— from the status_data column —',
	statusResmi: 'resmi (published)',
	statusEstimasi: 'estimasi (derived, projected)',
	statusSintetis: 'sintetis (illustrative)',
	yearLabel: 'Year',
	yearHelp: 'For a file without a year column, such as an export of one date.',
	periodsLegend: 'Column “{column}” holds {period}, not years. A year’s figure is made:',
	periodQuarter: 'quarters',
	periodMonth: 'months',
	periodDate: 'dates',
	periodsKind:
		'by the kind of figure: stocks (cooperatives, members, capital, assets) from the last period of each year; flows (volume, SHU, loans, KUR, sales) summed over the year',
	periodsLast:
		'from the last period of each year for every figure (a report cumulative to that period)',

	previewHeading: 'Preview of the first {count} rows',
	previewCaption: 'Values as they will be stored; the file’s text is shown below when it differs.',
	colLine: 'Line',
	rawText: 'text: {raw}',
	valueEmpty: 'empty',
	valueInvalid: 'invalid',
	valueUndecided: 'choose number format',
	rowHasProblem: 'row has problems',
	noRows: 'The file has no data rows below the header.',

	problemsHeading: 'Check report',
	problemsNone: 'No problems: {rows} {rows|row is|rows are} ready to store.',
	problemsCount: '{count} {count|problem|problems} found; nothing is stored until all are fixed.',
	problemsShown: 'Showing the first {shown} of {count} problems.',
	problemsGrouped: 'Equal problems are grouped; the download has every line.',
	groupRows: '{count} {count|line|lines}',
	groupLines: 'line {lines}',
	groupMore: 'and {count} more',
	problemsServer: 'The server found problems when comparing with the stored data.',
	problemsCaption: 'Problems by line and column, with how to fix them',
	colColumn: 'Column',
	colValue: 'Value',
	colProblem: 'Problem',
	colFix: 'Fix',
	problemsDownload: 'Download all problems (CSV)',

	stepSave: '3. Store',
	modeLegend: 'How to store',
	modeAppend: 'Add',
	modeAppendHelp:
		'Adds new rows. If a figure for the same region and year is already stored, the upload is refused so nothing is counted twice.',
	modeReplace: 'Replace',
	modeReplaceHelp:
		"For every region and year in the file, the values of the fact columns the file has are replaced (an empty cell clears one). That region and year's other facts, and other regions and years, do not change.",
	sourceLabel: 'Source',
	sourceHelp:
		'A link, publication or method; also noted in the upload history. At most 500 characters.',
	checkChanges: 'Check the changes',
	checkChangesBusy: 'Checking on the server…',
	checkChangesBlocked: 'Fix every problem above before checking the changes.',
	planHeading: 'What will change',
	planSummary:
		'{added} {added|row|rows} from the file, in {pairs} region–year {pairs|pair|pairs}. Values that change, per fact:',
	planStale: 'Your choices changed since the last check; check the changes again.',
	confirm: 'Store {rows} {rows|row|rows}',
	confirmBusy: 'Storing…',
	savedHeading: 'Data stored',
	savedText: 'Version {version} stored: {added} {added|row|rows} from the file.',
	savedDashboard: 'See it on the dashboard',
	savedHistory: 'See the history',
	uploadAnother: 'Upload another file',
	refusedHeading: 'Upload refused',
	loginAgain: 'Log in again',

	changesCaption: 'Changes by region and year',
	colRegion: 'Region',
	colYear: 'Year',
	colAdded: 'Rows from the file',
	colReplaced: 'Stored rows set aside',
	changesShowAll: 'Show the {count} region–year {count|pair|pairs}',
	factsCaption: 'Changes in values, per fact',
	colFact: 'Fact',
	colChanged: 'Changed',
	colAddedValues: 'Added',
	colCleared: 'Cleared',
	colUnchanged: 'Same',
	factsKept: 'Not in the file, kept as stored:',
	factKept: '{fact} ({count} {count|value|values})',

	historyTitle: 'Upload history',
	historyLead:
		'Every upload is one version. The latest upload of a dataset can be undone; the earlier data returns exactly as it was.',
	historyEmpty: 'No data versions yet.',
	historyLoadFailed: 'The history could not be loaded: {message}',
	historyToUpload: 'Upload new data',
	historyPrivate:
		'Uploader names, file names and source notes are shown only to analysts and admins who are logged in.',
	versionHeading: 'Version {id}',
	versionFile: 'File',
	versionRows: 'Rows',
	versionBy: 'By',
	versionAt: 'When',
	versionSource: 'Source note',
	versionChangesSummary: 'Changes: {added} added, {replaced} replaced',
	versionNoChanges: 'not recorded',
	versionActive: 'active',
	versionUndone: 'undone {at}',
	modeAppendShort: 'add',
	modeReplaceShort: 'replace',
	modeBundledShort: 'bundled data',
	undo: 'Undo upload',
	undoConfirm:
		'Undo version {id}? The rows it added are removed and the rows it replaced come back.',
	undoYes: 'Yes, undo version {id}',
	undoNo: 'No',
	undoBusy: 'Undoing…',
	undoDone: 'Version {id} undone. The earlier data applies again.',
	undoFailed: 'Version {id} cannot be undone: {message}',
	undoBlocked: 'Cannot be undone: {reason}',
	timeZone: 'WIB',

	loginTitle: 'Log in',
	loginLead: 'Log in to upload data or undo uploads.',
	loginName: 'User name',
	loginPassword: 'Password',
	loginSubmit: 'Log in',
	loginBusy: 'Checking…',
	loginInvalid: 'Wrong user name or password.',
	loginThrottled: 'Too many failed attempts. Try again in {seconds} seconds.',
	loginAlready: 'You are logged in as {name} ({role}).',
	loginContinue: 'Continue',
	logout: 'Log out'
};

const DATA_MESSAGES: Record<Locale, Record<DataMessageKey, string>> = { id, en };

/**
 * A data-page text in the locale, with `{name}` parameters filled in. `{name|one|other}` is the
 * word for that count (English only needs it: Indonesian nouns do not change with number).
 */
export function td(
	locale: Locale,
	key: DataMessageKey,
	values: Record<string, string | number> = {}
): string {
	return DATA_MESSAGES[locale][key].replace(
		/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
		(match, name: string, one?: string, other?: string) => {
			if (!Object.hasOwn(values, name)) return match;
			const value = String(values[name]);
			if (one === undefined || other === undefined) return value;
			return value === '1' ? one : other;
		}
	);
}
