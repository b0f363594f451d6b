import type { FigureSpec } from './figure-spec';

/** The figures drawn once for the whole dataset, in the dashboard's tab order. */
export const FIGURE_FAMILIES = [
	'monthly-activity',
	'weekly-activity',
	'daily-activity',
	'mentor-and-peers',
	'weekly-hours',
	'reply-network',
	'member-activity',
	'retention',
	'participation-inequality'
] as const;
export type FigureFamily = (typeof FIGURE_FAMILIES)[number];
/** The families also drawn once per stage, as `${family}-stage-${n}` with n from 1. */
export type StagedFigureFamily = 'weekly-hours' | 'reply-network';
/** A figure's name: its file stem and its key in `Figures` (the keyword trend is drawn on request, outside them). */
export type FigureId = FigureFamily | `${StagedFigureFamily}-stage-${number}` | 'keyword-trend';
/** The figures an analysis can feed, by id; a figure the data cannot draw is absent. */
export type Figures = Partial<Record<FigureId, FigureSpec>>;

/** The id of a staged family's figure: stage 0 is the whole dataset. */
export function stagedFigureId(family: StagedFigureFamily, stage_index: number): FigureId {
	return stage_index === 0 ? family : `${family}-stage-${stage_index}`;
}

/** The figures present, in the order they were added. */
export function figureList(figures: Figures): FigureSpec[] {
	return Object.values(figures).filter((figure) => figure !== undefined);
}
