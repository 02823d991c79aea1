/**
 * The /data page's upload, from picked file to stored version. Reading and checking run in the
 * upload worker; the server is asked twice, first as a dry run (what would change), then for real.
 */
import type { DataStatus, DatasetKind } from '$lib/catalogue/datasets';
import type { ColumnChoices } from '$lib/csv/map-columns';
import type { PeriodRule } from '$lib/csv/years-from-periods';
import type { NumberConvention } from '$lib/csv/parse-number';
import type { DataMessageKey } from '$lib/i18n/data-messages';
import type { Locale } from '$lib/i18n';
import type { Region } from '$lib/regions/region';
import { postUpload, type Changes, type DatasetVersion, type UploadMode } from './api';
import type { ShownGroup, ShownProblem } from './problems-csv';
import { problemsCsv, problemsFileName } from './problems-csv';
import type { AnalysisSummary, Choices, Phase } from './protocol';
import { fetchRegions, regionNameMap } from '$lib/regions/from-api';
import { UploadWorkerClient } from './worker-client';

/** A message kept as key and values, so it follows a language switch. */
export interface Notice {
	key: DataMessageKey;
	values?: Record<string, string | number>;
}

export type FileStage =
	| { kind: 'idle' }
	| { kind: 'working'; fileName: string }
	| { kind: 'refused'; notice: Notice }
	| { kind: 'ready' };

export type ServerStage =
	| { kind: 'none' }
	| { kind: 'busy'; dryRun: boolean }
	| { kind: 'planned'; changes: Changes; rows: number }
	| {
			kind: 'problems';
			message: string;
			problemCount: number;
			problems: ShownProblem[];
			groups: ShownGroup[];
	  }
	| { kind: 'refused'; status: number; message: string }
	| { kind: 'stored'; version: DatasetVersion; changes: Changes; rows: number };

export class UploadSession {
	file = $state<FileStage>({ kind: 'idle' });
	progress = $state<{ phase: Phase; fraction: number } | null>(null);
	summary = $state.raw<AnalysisSummary | null>(null);
	kind = $state<DatasetKind | null>(null);
	conventions = $state<Record<string, NumberConvention>>({});
	/** The analyst's mapping by header; every other header keeps what it says by itself. */
	columns = $state<ColumnChoices>({});
	mode = $state<UploadMode>('append');
	/** Set once for the whole file: rows without their own take these. */
	status = $state<DataStatus | ''>('');
	source = $state('');
	year = $state('');
	periods = $state<PeriodRule>('kind');
	server = $state.raw<ServerStage>({ kind: 'none' });
	regionNames = $state.raw<ReadonlyMap<string, string>>(regionNameMap([]));

	/** The dataset the checks use: the analyst's pick, else the suggestion. */
	readonly effectiveKind = $derived(this.kind ?? this.summary?.suggestedKind ?? null);
	readonly canCheckChanges = $derived(
		this.file.kind === 'ready' &&
			this.progress === null &&
			this.summary !== null &&
			this.effectiveKind !== null &&
			this.summary.problemCount === 0 &&
			this.summary.records > 0
	);

	#worker = new UploadWorkerClient((phase, fraction) => (this.progress = { phase, fraction }));
	#regions: Promise<Region[]> | null = null;
	#loads = 0;

	/** Reads and checks a newly picked file; anything earlier is dropped. */
	async load(file: File, limitBytes: number): Promise<void> {
		const token = ++this.#loads;
		this.dispose();
		this.summary = null;
		this.kind = null;
		this.conventions = {};
		this.columns = {};
		this.periods = 'kind';
		this.server = { kind: 'none' };
		if (file.size > limitBytes) {
			this.file = {
				kind: 'refused',
				notice: {
					key: 'fileTooLarge',
					values: { name: file.name, size: megabytes(file.size), limit: megabytes(limitBytes) }
				}
			};
			return;
		}
		this.file = { kind: 'working', fileName: file.name };
		this.progress = { phase: 'reading', fraction: 0 };
		let regions: Region[];
		try {
			regions = await this.#loadRegions();
		} catch {
			if (token !== this.#loads) return;
			this.progress = null;
			this.file = { kind: 'refused', notice: { key: 'regionsFailed' } };
			return;
		}
		// Another file was picked while the region list loaded.
		if (token !== this.#loads) return;
		const response = await this.#worker.ask({
			type: 'load',
			id: 0,
			file,
			regions,
			choices: this.#choices()
		});
		if (token !== this.#loads) return;
		this.progress = null;
		if (response.type === 'analysis') {
			this.summary = response.summary;
			this.file = { kind: 'ready' };
		} else if (response.type === 'refused') {
			const key = response.reason === 'not-text' ? 'fileNotText' : 'fileEmpty';
			this.file = { kind: 'refused', notice: { key, values: { name: file.name } } };
		} else if (response.type === 'failed') {
			this.file = {
				kind: 'refused',
				notice: { key: 'fileFailed', values: { message: response.message } }
			};
		}
	}

	setKind(kind: DatasetKind | null) {
		this.kind = kind;
		// Mapping corrections and number formats belong to the previous dataset's columns.
		this.columns = {};
		this.conventions = {};
		return this.#reanalyse();
	}

	setConvention(column: string, convention: NumberConvention) {
		this.conventions = { ...this.conventions, [column]: convention };
		return this.#reanalyse();
	}

	setColumn(index: number, target: string | null) {
		const column = this.summary?.columns[index];
		if (!column) return;
		const label = column.label.trim();
		// Choosing what the header already says is no correction. (Entries, not assignment: a
		// header named __proto__ stays a key.)
		const others = Object.entries(this.columns).filter(([header]) => header !== label);
		const same = target === column.suggested && !column.unknown;
		this.columns = Object.fromEntries(same ? others : [...others, [label, target]]);
		return this.#reanalyse();
	}

	/** Status, source and year for the whole file, and how periods make a year. */
	setFileValues(values: {
		status?: DataStatus | '';
		source?: string;
		year?: string;
		periods?: PeriodRule;
	}) {
		if (values.status !== undefined) this.status = values.status;
		if (values.source !== undefined) this.source = values.source;
		if (values.year !== undefined) this.year = values.year;
		if (values.periods !== undefined) this.periods = values.periods;
		return this.#reanalyse();
	}

	setMode(mode: UploadMode) {
		this.mode = mode;
		this.#forgetPlan();
	}

	/** Dry run: the server validates against the stored data and rolls back. */
	checkChanges(locale: Locale) {
		return this.#send(locale, true);
	}

	confirm(locale: Locale) {
		return this.#send(locale, false);
	}

	/** Every problem as a CSV file: the server's when it answered with problems, else the local ones. */
	async downloadProblems(locale: Locale) {
		const name = problemsFileName(this.summary?.fileName ?? '', locale);
		let text: string;
		if (this.server.kind === 'problems') text = problemsCsv(this.server.problems, locale);
		else {
			const response = await this.#worker.ask({
				type: 'problems-csv',
				id: 0,
				locale,
				choices: this.#choices()
			});
			if (response.type !== 'problems-csv') return;
			text = response.text;
		}
		const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
		const link = document.createElement('a');
		link.href = url;
		link.download = name;
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	reset() {
		this.#loads += 1;
		this.dispose();
		this.file = { kind: 'idle' };
		this.summary = null;
		this.server = { kind: 'none' };
		this.mode = 'append';
		this.status = '';
		this.source = '';
		this.year = '';
		this.periods = 'kind';
	}

	dispose() {
		this.#worker.dispose();
		this.progress = null;
	}

	#choices(): Choices {
		return {
			kind: this.kind,
			conventions: $state.snapshot(this.conventions),
			columns: $state.snapshot(this.columns),
			defaults: {
				status: this.status === '' ? null : this.status,
				source: this.source.trim() === '' ? null : this.source.trim(),
				year: /^\d{4}$/.test(this.year.trim()) ? Number(this.year.trim()) : null
			},
			periods: this.periods
		};
	}

	#forgetPlan() {
		if (this.server.kind !== 'stored' && this.server.kind !== 'busy')
			this.server = { kind: 'none' };
	}

	async #reanalyse() {
		this.#forgetPlan();
		if (!this.summary) return;
		this.progress = { phase: 'checking', fraction: 0 };
		const response = await this.#worker.ask({ type: 'analyse', id: 0, choices: this.#choices() });
		this.progress = null;
		if (response.type === 'analysis') this.summary = response.summary;
	}

	async #send(locale: Locale, dryRun: boolean) {
		const kind = this.effectiveKind;
		if (!kind || !this.summary) return;
		this.server = { kind: 'busy', dryRun };
		const prepared = await this.#worker.ask({ type: 'file-to-send', id: 0 });
		if (prepared.type !== 'file-to-send') {
			this.server = { kind: 'none' };
			return;
		}
		const result = await postUpload(fetch, {
			file: prepared.file,
			kind,
			mode: this.mode,
			source: this.source,
			status: this.status,
			year: this.year.trim(),
			periods: this.periods,
			columns: this.summary.mapping,
			conventions: $state.snapshot(this.conventions),
			dryRun,
			locale
		});
		this.server = result;
	}

	#loadRegions(): Promise<Region[]> {
		this.#regions ??= fetchRegions(fetch).then(
			(regions) => {
				this.regionNames = regionNameMap(regions);
				return regions;
			},
			(error: unknown) => {
				this.#regions = null;
				throw error;
			}
		);
		return this.#regions;
	}
}

/** Megabytes as a number: notices format their numbers in the reader's locale. */
export function megabytes(bytes: number): number {
	return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
