import type { FigureSpec } from '../figures/figure-spec';
import { renderedFigure } from '../figures/rendered-figure';

/**
 * A figure for the HTML report: the chart drawn without the title and caption a standalone SVG carries,
 * since the report prints them as its own heading and figcaption (text to search, select and read aloud).
 */
export function reportFigure(
	markupOf: Parameters<typeof renderedFigure>[0],
	figure: FigureSpec,
	size: { width: number; height: number }
): { name: string; title: string; caption: string; svg: string } {
	const { svg } = renderedFigure(markupOf, { ...figure, title: '', caption: '' }, size);
	return { name: figure.name, title: figure.title, caption: figure.caption, svg };
}
