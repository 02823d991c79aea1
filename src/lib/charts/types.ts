import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
	AriaComponentOption,
	GridComponentOption,
	TooltipComponentOption
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option shape of exactly the chart types and components registered in `echarts.ts`. */
export type ChartOption = ComposeOption<
	| LineSeriesOption
	| BarSeriesOption
	| GridComponentOption
	| TooltipComponentOption
	| AriaComponentOption
>;
