/**
 * The column mapping the page shows and sends, one object for both: for every header, the
 * analyst's choice where there is one, else what the header says by itself, and null (not stored)
 * for a header nothing recognises. The column table shows that null as "(tidak disimpan)", and
 * the default holds: the server gets this very object as its `columns` field and reads the file
 * with it, as the preview did.
 */
import type { DatasetDefinition } from '$lib/catalogue/datasets';
import { mapColumns, type ColumnChoices } from '$lib/csv/map-columns';

export function pageMapping(
	header: readonly string[],
	dataset: DatasetDefinition,
	choices: ColumnChoices
): ColumnChoices {
	const { targets, duplicates } = mapColumns(header, dataset, choices);
	// A second column for one target stays named, so that validation reports the repeat.
	const repeated = new Map(duplicates.map((d) => [d.index, d.target]));
	// fromEntries defines own keys: a header named __proto__ stays a header.
	return Object.fromEntries(
		header.map((label, i) => [label.trim(), repeated.get(i) ?? targets[i] ?? null])
	);
}
