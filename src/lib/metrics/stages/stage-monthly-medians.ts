import type { StageSetting } from '../../settings/analysis-settings';
import { median } from '../algorithms/median';
import type { LinkRatioRow } from '../links/link-ratios';

const FIELDS = ['peer_share', 'reciprocity', 'density', 'reciprocity_normalized', 'degree_centralization'] as const;

/** A stage's network measures as the median of its months' values, beside the values pooled over the whole stage. */
export type StageMonthlyMedians = { stage: string; months: number } & { [Field in (typeof FIELDS)[number]]: number | null };

/**
 * For each stage, the median over its months (those whose 15th day lies in the stage) of each monthly link
 * measure, months without a value left out; null when no month has one. A pooled stage value mixes busy and
 * quiet months; the median of months weighs each month once.
 */
export function stageMonthlyMedians(stages: readonly StageSetting[], monthly: readonly LinkRatioRow[]): StageMonthlyMedians[] {
	return stages.map((stage) => {
		const months = monthly.filter((row) => {
			const middle = `${row.period}-15`;
			return middle >= stage.start && middle <= stage.end;
		});
		const medians = Object.fromEntries(
			FIELDS.map((field) => {
				const values = months.flatMap((row) => (row[field] === null ? [] : [row[field]]));
				return [field, values.length > 0 ? median(values) : null];
			})
		) as { [Field in (typeof FIELDS)[number]]: number | null };
		return { stage: stage.name, months: months.length, ...medians };
	});
}
