import type { ScaleLinear } from 'd3';
import type { ChartTheme } from '../chart-theme';
import type { PeriodScale } from '../period-scale';
import { textWidth } from '../text-width';
import { levelText } from './level-text';
import type { PeakLabel } from './peak-label-layout';
import type { TimelineChangePoint } from './timeline-types';

/** A change label placed at `x` (the first period of the new level), written from there towards `anchor`. */
export interface LevelLabel {
	x: number;
	y: number;
	text: string;
	anchor: 'start' | 'end';
	label: string;
}

interface LevelInput {
	change_points: readonly TimelineChangePoint[];
	scale: PeriodScale;
	y: ScaleLinear<number, number>;
	inner_width: number;
	peak_labels: readonly PeakLabel[];
	/** The top of the highest bar or likes point a peak label stands on. */
	label_base: (peak: PeakLabel) => number;
	theme: ChartTheme;
	line_height: number;
}

/** The level steps between change points as one path `d`, and the change labels that fit; null without a change. */
export function levelLayout({ change_points, scale, y, inner_width, peak_labels, label_base, theme, line_height }: LevelInput): { d: string; labels: LevelLabel[] } | null {
	const changes = change_points
		.map((change) => ({ ...change, index: scale.index(change.label) }))
		.filter((change) => change.index > 0)
		.sort((a, b) => a.index - b.index);
	if (changes.length === 0) return null;
	let d = `M0,${y(changes[0].mean_before)}`;
	for (const change of changes) d += `H${scale.start(change.index)}V${y(change.mean_after)}`;
	d += `H${inner_width}`;
	// Labels go to the four largest changes at most, and are left out where they would cover a peak label
	// or another change label; the level line still shows every change, and the readout names it.
	const taken = peak_labels.map((peak) => {
		const bottom = label_base(peak) - theme.point_radius * 2 - 4 - peak.offset + theme.annotation_size * 0.3;
		return { x0: peak.start, x1: peak.end, y0: bottom - peak.lines.length * line_height, y1: bottom };
	});
	const labels = [...changes]
		.sort((a, b) => Math.abs(Math.log1p(b.mean_after) - Math.log1p(b.mean_before)) - Math.abs(Math.log1p(a.mean_after) - Math.log1p(a.mean_before)) || a.index - b.index)
		.flatMap((change): LevelLabel[] => {
			const x = scale.start(change.index);
			const text = levelText(change);
			const text_width = textWidth(text, theme.annotation_size);
			const anchor = x + 4 + text_width > inner_width ? 'end' : 'start';
			const label_y = y(Math.max(change.mean_before, change.mean_after)) - theme.annotation_size * 0.5;
			const box = { x0: anchor === 'start' ? x : x - 4 - text_width, x1: anchor === 'start' ? x + 4 + text_width : x, y0: label_y - theme.annotation_size, y1: label_y + theme.annotation_size * 0.3 };
			if (taken.length >= peak_labels.length + 4) return [];
			if (taken.some((other) => box.x0 < other.x1 + 4 && other.x0 < box.x1 + 4 && box.y0 < other.y1 + 4 && other.y0 < box.y1 + 4)) return [];
			taken.push(box);
			return [{ x, text, anchor, label: change.label, y: label_y }];
		})
		.sort((a, b) => a.x - b.x);
	return { d, labels };
}
