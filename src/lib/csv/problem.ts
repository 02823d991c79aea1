/** One thing wrong with an uploaded file, located as a spreadsheet shows it (header = line 1). */
export interface Problem {
	line: number;
	column: string;
	value: string;
	message: { id: string; en: string };
	fix: { id: string; en: string };
}

export function problem(
	line: number,
	column: string,
	value: string,
	message: Problem['message'],
	fix: Problem['fix']
): Problem {
	return { line, column, value, message, fix };
}
