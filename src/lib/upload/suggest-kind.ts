/**
 * Which dataset a file most likely belongs to, from its header alone: the kind whose figure
 * columns the header names most often. A tie or no figure column at all is left to the analyst.
 */
import { DATASET_KINDS, DATASETS, type DatasetKind } from '$lib/catalogue/datasets';
import { mapColumns } from '$lib/csv/map-columns';

export interface KindScore {
	kind: DatasetKind;
	/** Header columns that map to one of the kind's figure columns. */
	facts: number;
}

/** Every kind with its count of mapped figure columns, best first (catalogue order on ties). */
export function scoreKinds(header: readonly string[]): KindScore[] {
	const scores = DATASET_KINDS.map((kind) => {
		const factIds = new Set<string>(DATASETS[kind].facts.map((f) => f.id));
		const { targets } = mapColumns(header, DATASETS[kind]);
		return { kind, facts: targets.filter((t) => t !== null && factIds.has(t)).length };
	});
	return scores.sort((a, b) => b.facts - a.facts);
}

export function suggestKind(header: readonly string[]): DatasetKind | null {
	const [best, second] = scoreKinds(header);
	if (!best || best.facts === 0) return null;
	if (second && second.facts === best.facts) return null;
	return best.kind;
}
