/**
 * Cross-filtering: regions picked in one view (click, brush, map, table) are highlighted in all.
 * Each region plays one role in a chart; focus and benchmark keep theirs when also picked.
 */
export type RegionRole = 'focus' | 'benchmark' | 'selected' | 'other';

export interface Roles {
	focus: string;
	benchmark: string | null;
	selected: readonly string[];
}

export function roleOf(code: string, roles: Roles): RegionRole {
	if (code === roles.focus) return 'focus';
	if (code === roles.benchmark) return 'benchmark';
	return roles.selected.includes(code) ? 'selected' : 'other';
}

/** Picks a region, or unpicks it when it was picked. */
export function toggleSelected(selected: readonly string[], code: string): string[] {
	return selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
}

/** A brushed area replaces the selection (each region once, in brush order). */
export function brushSelection(codes: readonly string[]): string[] {
	return [...new Set(codes)];
}

/**
 * Colours of picked regions, in picking order, the same in every view; none is the focus blue or
 * the benchmark orange, and they stay apart for the common colour-vision deficiencies.
 */
export const SELECTION_COLOURS = ['#0f766e', '#7e22ce', '#be123c', '#4d7c0f', '#0e7490', '#a16207'];

export function selectionColour(selected: readonly string[], code: string): string | null {
	const index = selected.indexOf(code);
	return index === -1 ? null : SELECTION_COLOURS[index % SELECTION_COLOURS.length]!;
}
