import { format } from 'd3';
import type { ChartTheme } from '../chart-theme';
import { labelRows } from '../label-rows';
import { periodName } from '../period-name';
import type { PeriodScale } from '../period-scale';
import { textWidth } from '../text-width';
import type { TimeGrain } from '../time-grain';
import { wrapLines } from '../wrap-lines';
import type { TimelinePoint } from './timeline-types';

/** The most of the plot's height peak labels may claim above the highest bar. */
const MAX_LABEL_HEADROOM = 0.3;
const count = format(',d');

/** A peak's label: its lines centred on `x` (from `start` to `end`), `offset` px above the bars it stands on (`over`, indices). */
export interface PeakLabel {
	label: string;
	index: number;
	value: number;
	lines: string[];
	x: number;
	start: number;
	end: number;
	over: number[];
	offset: number;
}

interface PeakLabelInput {
	points: readonly TimelinePoint[];
	/** The peaks' labels and the event that explains each, if any. */
	peak_events: ReadonlyMap<string, string | null>;
	grain: TimeGrain;
	scale: PeriodScale;
	inner_width: number;
	inner_height: number;
	line_height: number;
	theme: ChartTheme;
}

/** How far above its bars the highest of these labels reaches, in px. */
export function peakLabelHeadroom(labels: readonly PeakLabel[], line_height: number, theme: ChartTheme): number {
	return labels.reduce((highest, label) => Math.max(highest, label.offset + label.lines.length * line_height + theme.point_radius * 2 + 6), 0);
}

// Labels that fit, or fewer of their lines, or none (the peaks list names them): the value axis is never stretched
// past MAX_LABEL_HEADROOM of the plot to make room, which on a phone had squeezed the bars into the bottom third.
/** The peak labels the plot has room for, stacked in rows where they would overlap. */
export function peakLabelLayout(input: PeakLabelInput): PeakLabel[] {
	const { inner_height, line_height, theme } = input;
	for (const with_event of [true, false]) {
		const labels = peakLabels(input, with_event);
		if (peakLabelHeadroom(labels, line_height, theme) <= inner_height * MAX_LABEL_HEADROOM) return labels;
	}
	const first_row = peakLabels(input, false).filter((label) => label.offset === 0);
	return peakLabelHeadroom(first_row, line_height, theme) <= inner_height * MAX_LABEL_HEADROOM ? first_row : [];
}

function peakLabels({ points, peak_events, grain, scale, inner_width, line_height, theme }: PeakLabelInput, with_event: boolean): PeakLabel[] {
	const max_width = Math.max(scale.step * 4, theme.annotation_size * 16);
	const placed = points.flatMap((point, index) => {
		if (!peak_events.has(point.label)) return [];
		const event_label = with_event ? peak_events.get(point.label) : null;
		const lines = [`${periodName(point.label, grain)} · ${count(point.value)}`, ...(event_label ? wrapLines(event_label, max_width, theme.annotation_size, 2) : [])];
		const half = Math.max(...lines.map((text) => textWidth(text, theme.annotation_size))) / 2;
		const x = Math.min(Math.max(scale.center(index), half), inner_width - half);
		return [{ label: point.label, index, value: point.value, lines, x, start: x - half, end: x + half }];
	});
	const gap = theme.annotation_size * 0.6;
	const rows = labelRows(placed, gap);
	const row_heights: number[] = [];
	placed.forEach((label, position) => (row_heights[rows[position]] = Math.max(row_heights[rows[position]] ?? 0, label.lines.length * line_height + 4)));
	// A label in a higher row stands on the bars of the labels it clears, not on its own: over a lower bar, its
	// offset alone left it at the height of the label below (seen with wide Chinese month names on a phone).
	const over: number[][] = [];
	for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
		placed.forEach((label, position) => {
			if (rows[position] !== row) return;
			const beneath = placed.flatMap((other, other_position) =>
				rows[other_position] < row && label.start < other.end + gap && other.start < label.end + gap ? over[other_position] : []
			);
			over[position] = [...new Set([label.index, ...beneath])];
		});
	}
	return placed.map((label, position) => ({ ...label, over: over[position], offset: row_heights.slice(0, rows[position]).reduce((sum, row) => sum + (row ?? 0), 0) }));
}
