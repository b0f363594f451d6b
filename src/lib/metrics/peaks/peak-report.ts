import type { EventSetting } from '../../settings/analysis-settings';
import { defaultPeakProminence } from '../algorithms/default-peak-prominence';
import { explainPeaks, type PeakExplanation } from '../algorithms/explain-peaks';
import { median } from '../algorithms/median';
import { medianAbsoluteDeviation } from '../algorithms/median-absolute-deviation';
import { peakBaseline } from '../algorithms/peak-baseline';
import type { ActivityRow, Grain } from '../series/activity-series';

/** A series column peaks can be found in. */
export type PeakMetric = 'messages' | 'words' | 'likes' | 'active_members' | 'active_students' | 'new_members' | 'mentor_messages';

/** One period of the series with DESIGN's peak verdict, its reason and the nearest event (a neighbour, not a cause). */
export interface PeakPeriod extends PeakExplanation {
	/** `YYYY-MM-DD`, first day of the period */
	period_start: string;
	/** The nearest event within `event_window_days` of the period on either side (inside it first, then the earlier); null when none. */
	event: EventSetting | null;
	/** Days from the period to `event`: negative before its first day, 0 inside it, positive after its last day; null without an event. */
	event_distance_days: number | null;
}

export interface PeakReport {
	metric: PeakMetric;
	/** Minimum prominence a peak needs under the sensitivity, in the metric's units; threshold, median and MAD are of the full periods. */
	threshold: number;
	median: number;
	/** raw median absolute deviation, in the metric's units */
	mad: number;
	/** Only the periods that are peaks, in time order. */
	peaks: PeakPeriod[];
	/** Every period, peak or not, with the sentence saying why (for the UI). */
	periods: PeakPeriod[];
}

export interface PeakReportOptions {
	grain: Grain;
	metric?: PeakMetric;
	/** The settings' peak_sensitivity: 1 is DESIGN's rule. */
	sensitivity?: number;
	/** Minimum distance between peaks in periods (DESIGN: 2). */
	distance?: number;
	events?: readonly EventSetting[];
	/** How many days before or after a period its nearest event may lie; default 14 (month), 7 (week), 3 (day). */
	event_window_days?: number;
}

const DEFAULT_WINDOW_DAYS: Record<Grain, number> = { month: 14, week: 7, day: 3 };
const DAY_MS = 86_400_000;

/**
 * DESIGN's peaks of one series column (messages by default): which periods are peaks under the sensitivity,
 * each with prominence, ratio to the median, robust z and the nearest user event with its distance. Periods with
 * no value (likes of a source without likes) count as 0.
 */
export function peakReport(series: readonly ActivityRow[], options: PeakReportOptions): PeakReport {
	const { grain, metric = 'messages', sensitivity = 1, distance = 2, events = [] } = options;
	const window_days = options.event_window_days ?? DEFAULT_WINDOW_DAYS[grain];
	const values = series.map((row) => row[metric] ?? 0);
	const labels = series.map((row) => (grain === 'month' ? row.period_start.slice(0, 7) : row.period_start));
	const coverage = series.map((row) => row.coverage);
	const explanations = explainPeaks(values, labels, { sensitivity, distance, unit: grain, coverage });
	const baseline = peakBaseline(values, coverage);
	const periods = explanations.map((explanation, index) => ({
		...explanation,
		period_start: series[index].period_start,
		...nearestEvent(series[index].period_start, grain, window_days, events)
	}));
	return {
		metric,
		threshold: defaultPeakProminence(baseline, sensitivity),
		median: median(baseline),
		mad: medianAbsoluteDeviation(baseline),
		peaks: periods.filter((period) => period.is_peak),
		periods
	};
}

// Inside the period counts as 0 days; at equal distance the earlier event wins, the one that could have acted.
function nearestEvent(period_start: string, grain: Grain, window_days: number, events: readonly EventSetting[]): { event: EventSetting | null; event_distance_days: number | null } {
	const start_ms = dayMs(period_start);
	const end_ms = periodEndMs(start_ms, grain);
	let nearest: { event: EventSetting; event_distance_days: number } | null = null;
	for (const event of events) {
		const at = dayMs(event.date);
		const distance = at < start_ms ? Math.round((at - start_ms) / DAY_MS) : at >= end_ms ? Math.round((at - end_ms) / DAY_MS) + 1 : 0;
		if (Math.abs(distance) > window_days) continue;
		const closer = nearest === null || Math.abs(distance) < Math.abs(nearest.event_distance_days) || (Math.abs(distance) === Math.abs(nearest.event_distance_days) && event.date < nearest.event.date);
		if (closer) nearest = { event: pick(event), event_distance_days: distance };
	}
	return nearest ?? { event: null, event_distance_days: null };
}

function pick({ date, label }: EventSetting): EventSetting {
	return { date, label };
}

function dayMs(date: string): number {
	return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

function periodEndMs(start_ms: number, grain: Grain): number {
	if (grain === 'day') return start_ms + DAY_MS;
	if (grain === 'week') return start_ms + 7 * DAY_MS;
	const start = new Date(start_ms);
	return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
}
