/** One period of the series: `label` is `YYYY-MM` (months) or the first day `YYYY-MM-DD` (weeks, days). */
export interface TimelinePoint {
	label: string;
	value: number;
	/** The second series (likes) on the right axis; null where the source has none. */
	secondary?: number | null;
	/** Share of the period's days inside the data; under 0.8 the period is partial and drawn hatched. */
	coverage?: number;
}

/** A steady rise or decline fitted from `from_label` to `to_label`, drawn instead of level steps. */
export interface TimelineTrend {
	from_label: string;
	to_label: string;
	start_level: number;
	end_level: number;
	/** relative change per period, e.g. −0.05 */
	rate_per_period: number;
}

/** A period marked as a peak, named with the event that explains it when there is one. */
export interface TimelinePeak {
	label: string;
	event_label?: string | null;
}

/** A change in level: `label` is the first period of the new segment; means in the series' units. */
export interface TimelineChangePoint {
	label: string;
	direction: 'up' | 'down';
	mean_before: number;
	mean_after: number;
}

/** A period that fell below half the median of the periods before it. */
export interface TimelineDrop {
	label: string;
	previous_median?: number;
}

/** A period whose share of days in the data is under 0.8: drawn hatched, read out per covered day. */
export const isPartial = (point: TimelinePoint) => point.coverage !== undefined && point.coverage < 0.8;

/** A range being chosen along the time axis: the indices where it started and where it is now. */
export interface TimelineSelection {
	from: number;
	to: number;
}
