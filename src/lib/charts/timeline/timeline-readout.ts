import { format } from 'd3';
import { grainName } from '../../i18n/grain-name';
import { m } from '../../i18n/messages';
import type { PlacedEvent } from '../event-label-layout';
import { periodDays } from '../period-days';
import { periodName } from '../period-name';
import type { PeriodScale } from '../period-scale';
import type { StageBand } from '../stage-band';
import type { TimeGrain } from '../time-grain';
import { levelText } from './level-text';
import { isPartial, type TimelineChangePoint, type TimelinePoint } from './timeline-types';

const count = format(',d');

interface ReadoutInput {
	points: readonly TimelinePoint[];
	grain: TimeGrain;
	value_label: string;
	secondary_label: string;
	has_secondary: boolean;
	stages: readonly StageBand[];
	peak_events: ReadonlyMap<string, string | null>;
	drop_labels: ReadonlySet<string>;
	change_points: readonly TimelineChangePoint[];
	events: readonly PlacedEvent[];
	scale: PeriodScale;
}

/** What the readout says about period `active`: its name, value, likes, stage, and what marks it. */
export function timelineReadout(active: number, input: ReadoutInput): string[] {
	const { points, grain, value_label, secondary_label, has_secondary, stages, peak_events, drop_labels, change_points, events, scale } = input;
	const point = points[active];
	const day = grain === 'month' ? `${point.label}-01` : point.label;
	const lines = [periodName(point.label, grain), m.chart_readout_value({ n: count(point.value), label: value_label.toLowerCase() })];
	if (isPartial(point)) {
		const days = periodDays(point.label, grain);
		const covered = Math.round((point.coverage ?? 1) * days);
		lines.push(m.chart_readout_partial({ covered, days, per_day: format(',.1f')(point.value / Math.max(1, covered)) }));
	}
	if (has_secondary)
		lines.push(
			point.secondary === null || point.secondary === undefined
				? m.chart_readout_not_available({ label: secondary_label.toLowerCase() })
				: m.chart_readout_value({ n: count(point.secondary), label: secondary_label.toLowerCase() })
		);
	const stage = stages.find((candidate) => candidate.start.slice(0, day.length) <= day && day <= candidate.end);
	if (stage) lines.push(m.figure_hours_stage({ stage: stage.name }).replace(/[.。]$/, ''));
	if (peak_events.has(point.label)) lines.push(peak_events.get(point.label) ? m.chart_readout_peak_event({ event: peak_events.get(point.label)! }) : m.chart_peak());
	if (drop_labels.has(point.label)) lines.push(m.chart_readout_drop());
	const change = change_points.find((candidate) => candidate.label === point.label);
	if (change) lines.push(m.chart_readout_change({ level: levelText(change), grain: grainName(grain) }));
	for (const event of events) if (event.x >= scale.start(active) && event.x < scale.start(active + 1)) lines.push(m.chart_readout_event({ event: event.full_label }));
	return lines;
}
