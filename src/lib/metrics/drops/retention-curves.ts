import type { Db } from '../../db/db';
import { kaplanMeier, type SurvivalStep } from '../algorithms/kaplan-meier';
import { survivalMedianInterval } from '../algorithms/survival-median-interval';
import sql from './retention-curves.sql?raw';
import { readingTables } from '../derived-tables';

/** The Kaplan–Meier curve of member activity spans for one cohort (DESIGN "Drops" (d)). */
export interface RetentionCurve {
	/** `all` for every member, then each roster cohort */
	cohort: string;
	members: number;
	/** members whose activity ended (last message more than the censor window before the dataset's last day) */
	ended: number;
	/** members still active near the end of the dataset: their span is a lower bound */
	censored: number;
	/** first span in days at which the survival estimate is ≤ 0.5; null when it never gets there */
	median_span_days: number | null;
	/** 95% interval of the median span in days (see survivalMedianInterval); upper end null = ∞; null when the band never reaches 0.5. */
	median_span_ci_days: [number, number | null] | null;
	steps: SurvivalStep[];
}

/**
 * Kaplan–Meier retention of members (mentors and roster lurkers left out): the duration is the whole days
 * from a member's first to last counted message; it is censored when the member last posted at most
 * `censor_window_days` (default 30) before the dataset's last day. One curve for all members, then one
 * per cohort of `members.cohort` (members without a cohort are only in `all`).
 */
export const retentionCurves = readingTables(['counted_messages'], async function retentionCurves(db: Db, options: { censor_window_days?: number } = {}): Promise<RetentionCurve[]> {
	const { censor_window_days = 30 } = options;
	const spans = await db.query<{ author_id: string; cohort: string | null; span_days: number; observed: boolean }>(sql, [censor_window_days]);
	const cohorts = [...new Set(spans.flatMap((span) => (span.cohort === null ? [] : [span.cohort])))].sort();
	return [
		curve('all', spans),
		...cohorts.map((cohort) => curve(cohort, spans.filter((span) => span.cohort === cohort)))
	];
});

function curve(cohort: string, spans: { span_days: number; observed: boolean }[]): RetentionCurve {
	const steps = kaplanMeier(
		spans.map((span) => span.span_days),
		spans.map((span) => span.observed)
	);
	const ended = spans.filter((span) => span.observed).length;
	return {
		cohort,
		members: spans.length,
		ended,
		censored: spans.length - ended,
		median_span_days: steps.find((step) => step.survival <= 0.5)?.time ?? null,
		median_span_ci_days: survivalMedianInterval(steps),
		steps
	};
}

