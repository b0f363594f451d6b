/** Type sizes, stroke widths and behaviour of one chart, for the screen/paper or for a talk. */
export interface ChartTheme {
	presentation: boolean;
	font_family: string;
	/** Tick labels, legend entries. */
	tick_size: number;
	/** Axis titles, stage names. */
	label_size: number;
	/** Peak and event annotations. */
	annotation_size: number;
	line_width: number;
	axis_width: number;
	point_radius: number;
	/** About how many gridlines a value axis gets. */
	grid_ticks: number;
	/** Hover and keyboard readouts; presentation mode has none (nobody hovers a slide). */
	readout: boolean;
}

const FONT_FAMILY = "'Helvetica Neue', Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The theme every chart reads. `presentation` (a prop of every chart) makes type about 40% larger, marks
 * thicker, gridlines fewer and turns readouts off, for a figure projected in a talk.
 */
export function chartTheme(presentation = false): ChartTheme {
	return presentation
		? { presentation, font_family: FONT_FAMILY, tick_size: 18, label_size: 20, annotation_size: 18, line_width: 4, axis_width: 2, point_radius: 5, grid_ticks: 3, readout: false }
		: { presentation, font_family: FONT_FAMILY, tick_size: 13, label_size: 14, annotation_size: 12.5, line_width: 2.5, axis_width: 1, point_radius: 3, grid_ticks: 5, readout: true };
}
