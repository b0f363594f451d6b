/** What a figure says around its chart, and its size in px (the whole figure, title and caption included). */
export interface FigureOptions {
	title: string;
	/** The method sentence under the chart (see methodCaption); empty for none. */
	caption: string;
	width: number;
	height: number;
	/** Larger title and caption, for slides; render the chart itself with `presentation` too. */
	presentation?: boolean;
}
