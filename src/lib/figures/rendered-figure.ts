import { chartFigure } from './chart-figure';
import type { FigureSpec } from './figure-spec';
import type { TidyValue } from './tidy-csv';

/** A dashboard figure drawn for export: its SVG document, its PNG when a browser drew one, and its tidy rows. */
export interface RenderedFigure {
	name: string;
	title: string;
	caption: string;
	svg: string;
	/** 2× PNG bytes; absent where there is no canvas (Node). */
	png?: Uint8Array;
	rows: Record<string, TidyValue>[];
}

/** The figure's SVG document at the export size, drawn with `markupOf` (serverChartMarkup in Node, mountedChartMarkup in the browser). */
export function renderedFigure(
	markupOf: Parameters<typeof chartFigure>[0],
	figure: FigureSpec,
	size: { width: number; height: number; presentation?: boolean }
): RenderedFigure {
	const svg = chartFigure(markupOf, figure.component, figure.props, { title: figure.title, caption: figure.caption, ...size });
	return { name: figure.name, title: figure.title, caption: figure.caption, svg, rows: figure.rows };
}
