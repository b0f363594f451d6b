import type { Component } from 'svelte';
import type { FigureId } from './figure-id';
import type { TidyValue } from './tidy-csv';

/**
 * One figure of the dashboard: the chart component with its data, the default title and method caption,
 * and the plotted series as tidy rows. The browser draws it live and exports it; the CLI renders the same
 * spec to the same SVG bytes.
 */
export interface FigureSpec {
	/** File stem: `monthly-activity` → monthly-activity.svg / .png / .csv */
	name: FigureId;
	title: string;
	caption: string;
	// Each spec pairs a component with its own props; the pair is checked where the spec is built.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	component: Component<any>;
	/** The chart's props without width, height, title and presentation, which the figure sets. */
	props: object;
	rows: Record<string, TidyValue>[];
}
