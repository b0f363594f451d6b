import type { EventMarker } from './event-marker';
import type { PeriodScale } from './period-scale';
import { labelRows } from './label-rows';
import { textWidth } from './text-width';

/** An event placed on a chart: its line at `x`, its label in `row` (0 = nearest the plot). */
export interface PlacedEvent {
	x: number;
	text: string;
	/** The full label, for the text alternative. */
	full_label: string;
	date: string;
	anchor: 'start' | 'middle' | 'end';
	row: number;
}

/**
 * Event lines in px between 0 and `width` (events outside are left out), labels beside their line (to the
 * left near the right edge), packed into at most `max_rows` rows; labels longer than `max_label_width` px
 * get an ellipsis. When the labels would still overlap, the events are `numbered` instead: the text is the
 * event's number (1… in date order) and the chart lists the labels in a key.
 */
export function eventLabelLayout(
	events: readonly EventMarker[],
	scale: PeriodScale,
	width: number,
	font_size: number,
	{ max_rows = 3, max_label_width = 16 * font_size } = {}
): { events: PlacedEvent[]; rows: number; numbered: boolean } {
	const pad = font_size * 0.3;
	const inside = [...events]
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		.map((event) => ({ event, x: scale.date(event.date) }))
		.filter(({ x }) => x >= 0 && x <= width);
	const placed = inside.map(({ event, x }) => {
		let text = event.label;
		if (textWidth(text, font_size) > max_label_width) {
			while (text && textWidth(text + '…', font_size) > max_label_width) text = [...text].slice(0, -1).join('');
			text = text.trimEnd() + '…';
		}
		const text_width = textWidth(text, font_size);
		const anchor: 'start' | 'end' = x + pad + text_width > width && x - pad - text_width >= 0 ? 'end' : 'start';
		const start = anchor === 'start' ? x : x - pad - text_width;
		return { x, text, full_label: event.label, date: event.date, anchor, start, end: start + pad + text_width };
	});
	const gap = font_size * 0.5;
	const rows = labelRows(placed, gap, max_rows);
	const crowded = placed.some((span, index) =>
		placed.some((other, other_index) => other_index < index && rows[other_index] === rows[index] && span.start < other.end + gap && other.start < span.end + gap)
	);
	if (!crowded) {
		return {
			events: placed.map(({ x, text, full_label, date, anchor }, index) => ({ x, text, full_label, date, anchor, row: rows[index] })),
			rows: rows.length === 0 ? 0 : Math.max(...rows) + 1,
			numbered: false
		};
	}
	const numbers = placed.map(({ x }, index) => {
		const half = textWidth(String(index + 1), font_size) / 2 + pad;
		return { start: x - half, end: x + half };
	});
	const number_rows = labelRows(numbers, font_size * 0.2, max_rows);
	return {
		events: placed.map(({ x, full_label, date }, index) => ({ x, text: String(index + 1), full_label, date, anchor: 'middle', row: number_rows[index] })),
		rows: Math.max(...number_rows) + 1,
		numbered: true
	};
}
