/** Messages between the /data page and the upload worker. Every request carries an id. */
import type { DatasetKind } from '$lib/catalogue/datasets';
import type { TextEncoding } from '$lib/csv/decode-text';
import type { Delimiter } from '$lib/csv/parse-csv';
import type { NumberConvention } from '$lib/csv/parse-number';
import type { Problem } from '$lib/csv/problem';
import type { Locale } from '$lib/i18n';
import type { Region } from '$lib/regions/region';
import type { ColumnChoices } from '$lib/csv/map-columns';
import type { FileDefaults } from '$lib/csv/validate-dataset';
import type { PeriodRule } from '$lib/csv/years-from-periods';
import type { Analysis } from './analyse';

export interface Choices {
	kind: DatasetKind | null;
	conventions: Record<string, NumberConvention>;
	/** The analyst's mapping by header (what the column table changed). */
	columns: ColumnChoices;
	defaults: FileDefaults;
	periods: PeriodRule;
}

export type WorkerRequest =
	| { type: 'load'; id: number; file: File; regions: Region[]; choices: Choices }
	| { type: 'analyse'; id: number; choices: Choices }
	/** Every problem as a CSV file, written as the file is checked again. */
	| { type: 'problems-csv'; id: number; locale: Locale; choices: Choices }
	/** The bytes to send: the file as picked (the mapping goes beside it). */
	| { type: 'file-to-send'; id: number };

export type Phase = 'reading' | 'parsing' | 'checking';

/** What the page shows of an analysis; the full problem list stays in the worker. */
export interface AnalysisSummary extends Omit<Analysis, 'problems'> {
	fileName: string;
	fileSize: number;
	encoding: TextEncoding;
	delimiter: Delimiter;
	header: string[];
	firstProblems: Problem[];
}

export type WorkerResponse =
	| { type: 'progress'; id: number; phase: Phase; fraction: number }
	| { type: 'analysis'; id: number; summary: AnalysisSummary }
	/** `not-text`: binary or markup; `no-header`: nothing to read. */
	| { type: 'refused'; id: number; reason: 'not-text' | 'empty' }
	| { type: 'failed'; id: number; message: string }
	| { type: 'problems-csv'; id: number; text: string }
	| { type: 'file-to-send'; id: number; file: File };
