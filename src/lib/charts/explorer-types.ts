import type {
	BarSeriesOption,
	LineSeriesOption,
	MapSeriesOption,
	ScatterSeriesOption
} from 'echarts/charts';
import type {
	AriaComponentOption,
	BrushComponentOption,
	GraphicComponentOption,
	GridComponentOption,
	LegendComponentOption,
	MarkLineComponentOption,
	TitleComponentOption,
	TooltipComponentOption
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option shape of the chart types and components registered in `explorer-echarts.ts`. */
export type ExplorerOption = ComposeOption<
	| LineSeriesOption
	| BarSeriesOption
	| ScatterSeriesOption
	| MapSeriesOption
	| GridComponentOption
	| TooltipComponentOption
	| AriaComponentOption
	| BrushComponentOption
	| GraphicComponentOption
	| LegendComponentOption
	| MarkLineComponentOption
	| TitleComponentOption
>;

/** An option plus what the page needs to turn a click into a region. */
export interface ExplorerChart {
	option: ExplorerOption;
	/** The region of each drawn item: `codes[seriesIndex][dataIndex]`. */
	codes: (readonly string[])[];
	/** Picked regions the chart draws highlighted (tests read this from the page). */
	picked: string[];
}

/** Title lines for a downloaded image, which has no page around it to explain it. */
export interface ExportFrame {
	title: string;
	subtitle: string;
}
