import KeywordTrendChart, { type KeywordTrendLine } from '../charts/KeywordTrendChart.svelte';
import { palette } from '../charts/palette';
import { roleColor } from '../charts/role-color';
import { wilsonInterval } from '../metrics/algorithms/wilson-interval';
import type { Grain } from '../metrics/series/activity-series';
import type { QueryTrendRow } from '../metrics/search/query-trend';
import { readMessageQuery } from '../metrics/search/read-message-query';
import type { AnalysisSettings } from '../settings/analysis-settings';
import type { FigureSpec } from './figure-spec';
import { methodCaption } from './method-caption';
import { grainName } from '../i18n/grain-name';
import { m } from '../i18n/messages';
import { roleName } from '../i18n/role-name';

/** A query's trend as queryTrend gave it, with what was asked. */
export interface KeywordTrend {
	/** as typed */
	query: string;
	regex: boolean;
	grain: Grain;
	by_role: boolean;
	rows: QueryTrendRow[];
}

/**
 * The figure of a search: the share of counted messages matching the query per period (per role when asked),
 * with its Wilson 95% interval; the caption states the query as typed, the grain, what was counted (`filtered`: the filter
 * sentence) and the time zone.
 */
export function keywordTrendFigure(trend: KeywordTrend, settings: AnalysisSettings, filtered = ''): FigureSpec {
	const { query, regex, grain, by_role, rows } = trend;
	const label = (period_start: string) => (grain === 'month' ? period_start.slice(0, 7) : period_start);
	const tidy = rows.map((row) => {
		const share_ci = wilsonInterval(row.matching, row.messages);
		return {
			period: label(row.period_start),
			messages: row.messages,
			matching: row.matching,
			share: row.share,
			share_low: share_ci?.[0] ?? null,
			share_high: share_ci?.[1] ?? null,
			...(by_role ? { role: row.role ?? null } : {})
		};
	});
	const groups = by_role ? [...new Set(rows.map((row) => row.role ?? null))] : [undefined];
	const lines: KeywordTrendLine[] = groups.map((role) => ({
		label: role === undefined ? m.filter_bar_all() : role === null ? m.trend_no_role() : roleName(role),
		color: role === undefined ? palette.series_strong : roleColor(role),
		points: tidy
			.filter((row) => role === undefined || row.role === role)
			.map((row) => ({
				label: row.period,
				messages: row.messages,
				matching: row.matching,
				share: row.share,
				share_ci: row.share_low === null || row.share_high === null ? null : [row.share_low, row.share_high]
			}))
	}));
	const is_regex = readMessageQuery(query, { regex }).pattern !== null;
	const query_label = is_regex ? m.trend_query_regex({ query }) : m.trend_query({ query });
	const grain_name = grainName(grain);
	const periods = lines[0]?.points ?? [];
	const date_range = periods.length > 0 ? ([periods[0].label, periods[periods.length - 1].label] as const) : (['–', '–'] as const);
	const caption =
		methodCaption({ counted: { excluded_kinds: settings.excluded_kinds, filtered }, time_zone: settings.time_zone, date_range }) +
		m.figure_caption_extra({
			sentence: (by_role ? m.trend_caption_by_role : m.trend_caption)({
				grain: grain_name,
				query: query_label,
				syntax: is_regex ? m.trend_syntax_regex() : m.trend_syntax_words()
			})
		}) +
		(grain === 'week' ? m.figure_caption_extra({ sentence: m.figure_series_weeks_monday() }) : '');
	return {
		name: 'keyword-trend',
		title: (by_role ? m.trend_title_by_role : m.trend_title)({ query: query_label, grain: grain_name }),

		caption,
		component: KeywordTrendChart,
		props: { lines, grain, query_label, stages: settings.stages },
		rows: tidy
	};
}
