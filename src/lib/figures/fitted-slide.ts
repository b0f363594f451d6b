import type { HeatmapRow } from '../charts/ActivityHeatmap.svelte';
import { chartTheme } from '../charts/chart-theme';
import { heatmapRowsThatFit, heatmapSizes } from '../charts/heatmap-sizes';
import { joinSentences } from '../i18n/join-sentences';
import { m } from '../i18n/messages';
import type { FigureSpec } from './figure-spec';

/**
 * A figure as a slide whose chart is `height` px tall (on the 1280×720 slide canvas) shows it: the member heatmap
 * keeps, in its order, the most active members whose rows fit at their readable size, and says so in its caption.
 */
export function fittedSlide(spec: FigureSpec, height: number): FigureSpec {
	if (spec.name !== 'member-activity') return spec;
	const props = spec.props as { rows: HeatmapRow[] };
	const fit = heatmapRowsThatFit(height, heatmapSizes(chartTheme(true).tick_size, true, props.rows.some((row) => row.role)));
	if (props.rows.length <= fit) return spec;
	const messages = props.rows.map((row) => row.counts.reduce((sum, count) => sum + count, 0));
	const most_active = new Set(
		props.rows
			.map((_, index) => index)
			.sort((a, b) => messages[b] - messages[a] || a - b)
			.slice(0, fit)
	);
	return {
		...spec,
		props: { ...props, rows: props.rows.filter((_, index) => most_active.has(index)) },
		caption: joinSentences([spec.caption, m.slide_members_most_active({ shown: fit, total: props.rows.length })])
	};
}
