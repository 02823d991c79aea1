/** Test helpers for the explorer's option specs (not shipped: only specs import this module). */
import type { ExplorerOption } from './explorer-types';

export function explorerSeries(option: ExplorerOption): Record<string, unknown>[] {
	return [option.series ?? []].flat() as Record<string, unknown>[];
}
