/** The heights, in px, ActivityHeatmap gives its parts: rows at their readable (natural) height, the legend above and the time axis below. */
export interface HeatmapSizes {
	row_font: number;
	natural_row_height: number;
	legend_height: number;
	axis_height: number;
}

/** ActivityHeatmap's sizes for type of `tick_size` px (the chart theme's), with a role legend when `has_roles`. */
export function heatmapSizes(tick_size: number, presentation: boolean, has_roles: boolean): HeatmapSizes {
	const row_font = tick_size * (presentation ? 0.85 : 0.9);
	return { row_font, natural_row_height: Math.ceil(row_font * 1.3), legend_height: tick_size * (has_roles ? 4.6 : 3.4), axis_height: tick_size * 3.3 };
}

/** The height ActivityHeatmap needs for `rows` rows at their natural height: the least it draws, whatever it is asked for. */
export function heatmapNaturalHeight(rows: number, sizes: HeatmapSizes): number {
	// 10 px below the legend, 8 under the axis.
	return Math.round(sizes.legend_height + 10 + rows * sizes.natural_row_height + sizes.axis_height + 8);
}

/** How many rows ActivityHeatmap draws at their natural height within `height` px; at least 1. */
export function heatmapRowsThatFit(height: number, sizes: HeatmapSizes): number {
	let rows = 1;
	while (heatmapNaturalHeight(rows + 1, sizes) <= height) rows++;
	return rows;
}
