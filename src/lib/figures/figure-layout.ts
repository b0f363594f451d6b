import { wrapLines } from '../charts/wrap-lines';
import type { FigureOptions } from './figure-options';

/** Where a figure's parts go: the title lines at the top, the caption lines at the bottom, the chart between. */
export interface FigureLayout {
	text_x: number;
	title: { lines: string[]; font_size: number; line_height: number; first_baseline: number };
	caption: { lines: string[]; font_size: number; line_height: number; first_baseline: number };
	/** Render the chart at exactly this width and height so that its type keeps its size. */
	chart: { x: number; y: number; width: number; height: number };
}

/** The layout figureSvg uses; callers render the chart at `chart.width × chart.height`. */
export function figureLayout({ title, caption, width, height, presentation = false }: FigureOptions): FigureLayout {
	const padding = presentation ? 32 : 18;
	const gap = presentation ? 16 : 10;
	const text_x = padding;
	const title_size = presentation ? 34 : 20;
	const caption_size = presentation ? 20 : 13;
	const title_lines = title.trim() ? wrapLines(title, width - 2 * padding, title_size) : [];
	const caption_lines = caption.trim() ? wrapLines(caption, width - 2 * padding, caption_size) : [];
	const title_line_height = title_size * 1.25;
	const caption_line_height = caption_size * 1.4;
	const title_bottom = title_lines.length > 0 ? padding + title_lines.length * title_line_height + gap : padding / 2;
	const caption_top = caption_lines.length > 0 ? height - padding - caption_lines.length * caption_line_height : height - padding / 2;
	return {
		text_x,
		title: { lines: title_lines, font_size: title_size, line_height: title_line_height, first_baseline: padding + title_size * 0.95 },
		caption: { lines: caption_lines, font_size: caption_size, line_height: caption_line_height, first_baseline: caption_top + caption_size * 1.05 },
		chart: {
			x: padding / 2,
			y: title_bottom,
			width: Math.max(40, width - padding),
			height: Math.max(40, caption_top - (caption_lines.length > 0 ? gap : 0) - title_bottom)
		}
	};
}
