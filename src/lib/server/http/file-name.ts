/**
 * An uploaded file's name as the history keeps and shows it: no control characters or bidi
 * overrides (which can make `gpj.csv` read as `csv.jpg`), no folders, at most 120 characters
 * with the extension kept (`berkas.csv` when nothing is left).
 */
const MAX_LENGTH = 120;

export function cleanFileName(name: string): string {
	const cleaned = name
		.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
		.replace(/^.*[/\\]/, '')
		.trim();
	if (cleaned === '') return 'berkas.csv';
	const chars = [...cleaned];
	if (chars.length <= MAX_LENGTH) return cleaned;
	const dot = cleaned.lastIndexOf('.');
	const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
	return `${chars.slice(0, MAX_LENGTH - 1 - [...extension].length).join('')}…${extension}`;
}
