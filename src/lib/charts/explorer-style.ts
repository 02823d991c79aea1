/** What the explorer's charts share: role colours, dimming, and the title of a downloaded image. */
import type { RegionRole } from '$lib/explorer/selection';
import { countPoints } from './count-points';
import { COLOURS, FONT_FAMILY } from './theme';
import type { ChartOption } from './types';
import type { ExplorerOption, ExportFrame } from './explorer-types';

/**
 * ECharts writes the font list into SVG style attributes without escaping double quotes, which
 * leaves a downloaded SVG malformed; single quotes name the same fonts.
 */
export const EXPLORER_FONT = FONT_FAMILY.replace(/"/g, "'");

/** The colour a region is drawn in; a picked region keeps its own picking colour. */
export function roleColour(role: RegionRole, pickedColour: string | null): string {
	if (role === 'focus') return COLOURS.focus;
	if (role === 'benchmark') return COLOURS.benchmark;
	return pickedColour ?? COLOURS.other;
}

/** Unpicked regions fade once something is picked, so the picks stand out in every view. */
export function roleOpacity(role: RegionRole, selectionActive: boolean): number {
	return role === 'other' && selectionActive ? 0.3 : 1;
}

/** Space the export title takes at the top of the image. */
export const FRAME_HEIGHT = 64;

export function frameOption(frame: ExportFrame | undefined): Pick<ExplorerOption, 'title'> {
	if (!frame) return {};
	return {
		title: {
			text: frame.title,
			subtext: frame.subtitle,
			left: 16,
			top: 12,
			textStyle: { fontFamily: EXPLORER_FONT, fontSize: 16, color: COLOURS.text },
			subtextStyle: { fontFamily: EXPLORER_FONT, fontSize: 12, color: COLOURS.muted }
		}
	};
}

export const BASE = {
	textStyle: { fontFamily: EXPLORER_FONT, color: COLOURS.text },
	backgroundColor: '#ffffff'
} as const;

/** How many values an explorer option draws (the dashboard's count, on the wider option type). */
export function pointsOf(option: ExplorerOption): number {
	return countPoints(option as unknown as ChartOption);
}
