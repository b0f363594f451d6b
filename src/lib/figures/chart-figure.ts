import type { Component } from 'svelte';
import { figureLayout } from './figure-layout';
import type { FigureOptions } from './figure-options';
import { figureSvg } from './figure-svg';

/** Sized chart props: every chart takes these. */
interface SizedChartProps {
	width?: number;
	height?: number;
	presentation?: boolean;
	title?: string;
}

/**
 * A figure of one chart: the chart is rendered with the figure's title, at the size figureLayout leaves
 * between title and caption (in presentation mode when the figure is), and wrapped by figureSvg.
 * `markupOf` renders a component to markup: serverChartMarkup in Node (the CLI, tests), mountedChartMarkup
 * in the browser; both give the same figure bytes.
 */
export function chartFigure<Props extends SizedChartProps>(
	markupOf: (component: Component<any>, props: object) => string,
	component: Component<Props>,
	props: Props,
	options: FigureOptions
): string {
	const { chart } = figureLayout(options);
	const markup = markupOf(component, { ...props, title: options.title, width: chart.width, height: chart.height, presentation: options.presentation ?? false });
	return figureSvg(markup, options);
}
