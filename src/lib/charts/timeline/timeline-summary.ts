import { format } from 'd3';
import { grainName } from '../../i18n/grain-name';
import { m } from '../../i18n/messages';
import type { PlacedEvent } from '../event-label-layout';
import { periodName } from '../period-name';
import type { PlacedStageBand } from '../stage-band-layout';
import type { TimeGrain } from '../time-grain';
import { levelText } from './level-text';
import { trendText } from './trend-text';
import { isPartial, type TimelineChangePoint, type TimelineDrop, type TimelinePoint, type TimelineTrend } from './timeline-types';

const count = format(',d');

interface SummaryInput {
	title: string;
	points: readonly TimelinePoint[];
	grain: TimeGrain;
	value_label: string;
	secondary_label: string;
	shown_mark: 'bars' | 'line';
	has_secondary: boolean;
	value_max: number;
	peak_events: ReadonlyMap<string, string | null>;
	trend: TimelineTrend | null;
	/** Whether the level steps are drawn (a change point inside the series). */
	has_levels: boolean;
	change_points: readonly TimelineChangePoint[];
	drops: readonly TimelineDrop[];
	bands: readonly PlacedStageBand[];
	/** Whether any event was given, even one the layout left out. */
	has_events: boolean;
	events: readonly PlacedEvent[];
}

/** The timeline in words, for its description and screen readers: span, highest value, peaks, trend and marks. */
export function timelineSummary(input: SummaryInput): string {
	const { title, points, grain, value_label, secondary_label, shown_mark, has_secondary, value_max, peak_events, trend, has_levels, change_points, drops, bands, has_events, events } = input;
	if (points.length === 0) return m.chart_no_data({ title });

	const described_peaks = points
		.filter((point) => peak_events.has(point.label))
		.map((point) => `${periodName(point.label, grain)} (${count(point.value)}${peak_events.get(point.label) ? `, ${peak_events.get(point.label)}` : ''})`);
	const shape = {
		title,
		value: value_label.toLowerCase(),
		grain: grainName(grain),
		from: periodName(points[0].label, grain),
		to: periodName(points[points.length - 1].label, grain),
		highest: count(value_max)
	};
	return (
		(shown_mark === 'bars' ? m.chart_timeline_summary_bars : m.chart_timeline_summary_line)(shape) +
		(has_secondary ? m.chart_timeline_summary_secondary({ secondary: secondary_label.toLowerCase() }) : '') +
		m.chart_timeline_summary_highest({ highest: shape.highest }) +
		(described_peaks.length > 0 ? m.chart_timeline_summary_peaks({ peaks: described_peaks.join('; ') }) : '') +
		(trend ? m.chart_timeline_summary_trend({ trend: trendText(trend, grain) }) : '') +
		(points.some(isPartial) ? m.chart_timeline_summary_partial({ grain: grainName(grain), periods: points.filter(isPartial).map((point) => periodName(point.label, grain)).join(', ') }) : '') +
		(has_levels ? m.chart_timeline_summary_levels({ changes: change_points.map((change) => `${periodName(change.label, grain)} (${levelText(change)})`).join('; ') }) : '') +
		(drops.length > 0 ? m.chart_timeline_summary_drops({ drops: drops.map((drop) => periodName(drop.label, grain)).join(', ') }) : '') +
		(bands.length > 0 ? m.chart_timeline_summary_stages({ stages: bands.map((band) => band.full_name).join(', ') }) : '') +
		(has_events ? m.chart_timeline_summary_events({ events: events.map((event) => `${event.date} ${event.full_label}`).join('; ') }) : '')
	);
}
