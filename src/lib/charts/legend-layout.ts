import { textWidth } from './text-width';

/** What a legend entry draws before its text. */
export type LegendSymbol = 'bar' | 'line' | 'dashed' | 'dot' | 'ring' | 'triangle' | 'triangle_up' | 'rule' | 'band' | 'whisker' | 'hatch';

export interface LegendItem {
	label: string;
	symbol: LegendSymbol;
	color: string;
	/** stroke-dasharray of a line symbol. */
	dash?: string;
}

/** A legend entry placed at (x, y): y is the middle of its row. */
export interface PlacedLegendItem extends LegendItem {
	x: number;
	y: number;
}

/**
 * Lays legend entries out left to right in rows no wider than `width`; `height` is the total height of
 * the rows (0 without items). The symbol is `font_size × 1.6` wide, then the text.
 */
export function legendLayout(items: readonly LegendItem[], width: number, font_size: number): { items: PlacedLegendItem[]; height: number } {
	const row_height = font_size * 1.6;
	const symbol = font_size * 1.6;
	const placed: PlacedLegendItem[] = [];
	let x = 0;
	let row = 0;
	for (const item of items) {
		const item_width = symbol + font_size * 0.4 + textWidth(item.label, font_size);
		if (x > 0 && x + item_width > width) {
			x = 0;
			row++;
		}
		placed.push({ ...item, x, y: row * row_height + row_height / 2 });
		x += item_width + font_size * 1.4;
	}
	return { items: placed, height: items.length === 0 ? 0 : (row + 1) * row_height };
}
