import { json } from '@sveltejs/kit';
import { ProblemCollector, type Problem, type ProblemGroup } from '$lib/csv/problem';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import {
	localiseGroup,
	problemsCsv,
	problemsFileName,
	localiseProblem
} from '$lib/upload/problems-csv';

/** The language of messages for API clients: `?lang=en` or an English Accept-Language. */
export function apiLocale(request: Request, url: URL): 'id' | 'en' {
	const lang = url.searchParams.get('lang');
	if (lang === 'en' || lang === 'id') return lang;
	return /^en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'id';
}

/** A cell or header can be megabytes long (a binary file saved as .csv): never echo it whole. */
function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function localiseProblems(problems: readonly Problem[], locale: 'id' | 'en') {
	return problems.map((p) => ({
		line: p.line,
		column: clip(p.column, 200),
		value: clip(p.value, 200),
		message: clip(p.message[locale], 600),
		fix: clip(p.fix[locale], 600)
	}));
}

export const MAX_PROBLEMS_IN_RESPONSE = 1000;

/** Groups of the problems at hand, when the caller has none of all of them. */
function groupsOf(problems: readonly Problem[]): ProblemGroup[] {
	const collector = new ProblemCollector(0);
	problems.forEach(collector.report);
	return collector.groups();
}

export function problemsResponse(
	problems: readonly Problem[],
	problemCount: number,
	locale: 'id' | 'en',
	extra: Record<string, unknown> = {},
	groups: readonly ProblemGroup[] = groupsOf(problems)
): Response {
	return json(
		{
			message:
				locale === 'en'
					? `The file has ${problemCount} problem(s); nothing was stored.`
					: `Berkas memiliki ${problemCount} masalah; tidak ada yang disimpan.`,
			problem_count: problemCount,
			problems: localiseProblems(problems.slice(0, MAX_PROBLEMS_IN_RESPONSE), locale),
			// Equal problems once each, with their count and first lines: 798 lines of one mistake
			// read as one.
			groups: groups.map((g) => {
				const shown = localiseGroup(g, locale);
				return {
					...shown,
					column: clip(shown.column, 200),
					value: clip(shown.value, 200),
					message: clip(shown.message, 600),
					fix: clip(shown.fix, 600)
				};
			}),
			...extra
		},
		{ status: 422 }
	);
}

/**
 * Every problem as a CSV download (422): streamed from the report the upload wrote as it went,
 * which is removed once sent, or made from the problems at hand (conflicts with stored data).
 */
export function problemsCsvResponse(
	problems: readonly Problem[],
	reportFile: string | undefined,
	locale: 'id' | 'en',
	fileName: string
): Response {
	const headers = {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${problemsFileName(fileName, locale)}"`
	};
	if (!reportFile)
		return new Response(
			problemsCsv(
				problems.map((p) => localiseProblem(p, locale)),
				locale
			),
			{ status: 422, headers }
		);
	const stream = fs.createReadStream(reportFile);
	stream.once('close', () => fs.rmSync(reportFile, { force: true }));
	return new Response(Readable.toWeb(stream) as ReadableStream, { status: 422, headers });
}

export function messageResponse(status: number, id: string, en: string, locale: 'id' | 'en') {
	return json({ message: locale === 'en' ? en : id }, { status });
}
