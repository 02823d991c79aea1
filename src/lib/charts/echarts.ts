/**
 * The one place ECharts meets the DOM: a Svelte attachment that initialises a chart, applies
 * option changes in place, follows the container's size and disposes the chart on removal.
 * Only the chart types and components the dashboard uses are registered (tree-shaking).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Action } from 'svelte/action';
import { fromAction } from 'svelte/attachments';
import { countPoints } from './count-points';
import type { ChartOption } from './types';

use([LineChart, BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

const chartAction: Action<HTMLElement, ChartOption> = (node, initial) => {
	const chart = init(node, null, { renderer: 'canvas' });
	const apply = (option: ChartOption) => {
		chart.setOption(option, { notMerge: true });
		// Set only once ECharts has the data, so a test reading it knows the chart really drew.
		node.dataset.points = String(countPoints(option));
	};
	apply(initial);
	const observer = new ResizeObserver(() => chart.resize());
	observer.observe(node);
	return {
		update: apply,
		destroy() {
			observer.disconnect();
			chart.dispose();
		}
	};
};

/**
 * `{@attach echarts(() => option)}`: the getter is read in its own effect, so a new option
 * updates the chart instead of re-creating it.
 */
export function echarts(getOption: () => ChartOption) {
	return fromAction(chartAction, getOption);
}
