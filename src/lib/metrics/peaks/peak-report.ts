import type { EventSetting } from '../../settings/analysis-settings';
import { defaultPeakProminence } from '../algorithms/default-peak-prominence';
import { explainPeaks, type PeakExplanation } from '../algorithms/explain-peaks';
import { median } from '../algorithms/median';
import { medianAbsoluteDeviation } from '../algorithms/median-absolute-deviation';
import { peakBaseline } from '../algorithms/peak-baseline';
import type { ActivityRow, Grain } from '../series/activity-series';

/** A series column peaks can be found in. */
export type PeakMetric = 'messages' | 'words' | 'likes' | 'active_members' | 'active_students' | 'new_members' | 'mentor_messages';

/** One period of the series with DESIGN's peak verdict, its reason and the event that may explain it. */
export interface PeakPeriod extends PeakExplanation {
	/** `YYYY-MM-DD`, first day of the period */
	period_start: string;
	/** The earliest event inside the period, else the latest in the `event_lead_days` before it; null when none. */
	event: EventSetting | null;
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
	/** How many days before a period an event may still explain its peak; default 14 (month), 7 (week), 3 (day). */
	event_lead_days?: number;
}

const DEFAULT_LEAD_DAYS: Record<Grain, number> = { month: 14, week: 7, day: 3 };
const DAY_MS = 86_400_000;

/**
 * DESIGN's peaks of one series column (messages by default): which periods are peaks under the sensitivity,
 * each with prominence, ratio to the median, robust z and the user event that may explain it. Periods with
 * no value (likes of a source without likes) count as 0.
 */
export function peakReport(series: readonly ActivityRow[], options: PeakReportOptions): PeakReport {
	const { grain, metric = 'messages', sensitivity = 1, distance = 2, events = [] } = options;
	const lead_days = options.event_lead_days ?? DEFAULT_LEAD_DAYS[grain];
	const values = series.map((row) => row[metric] ?? 0);
	const labels = series.map((row) => (grain === 'month' ? row.period_start.slice(0, 7) : row.period_start));
	const coverage = series.map((row) => row.coverage);
	const explanations = explainPeaks(values, labels, { sensitivity, distance, unit: grain, coverage });
	const baseline = peakBaseline(values, coverage);
	const periods = explanations.map((explanation, index) => ({
		...explanation,
		period_start: series[index].period_start,
		event: explainingEvent(series[index].period_start, grain, lead_days, events)
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

// An event inside the period is the likelier cause, and the earliest one had the most time to act;
// failing that, the most recent event shortly before the period began.
function explainingEvent(period_start: string, grain: Grain, lead_days: number, events: readonly EventSetting[]): EventSetting | null {
	const start_ms = dayMs(period_start);
	const end_ms = periodEndMs(start_ms, grain);
	const inside = events.filter((event) => dayMs(event.date) >= start_ms && dayMs(event.date) < end_ms);
	if (inside.length > 0) return pick(inside.reduce((a, b) => (b.date < a.date ? b : a)));
	const before = events.filter((event) => dayMs(event.date) < start_ms && dayMs(event.date) >= start_ms - lead_days * DAY_MS);
	if (before.length > 0) return pick(before.reduce((a, b) => (b.date >= a.date ? b : a)));
	return null;
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
