import ActivityHeatmap from '../charts/ActivityHeatmap.svelte';
import LorenzChart from '../charts/LorenzChart.svelte';
import { memberLabel } from '../charts/member-label';
import NetworkChart from '../charts/NetworkChart.svelte';
import StackedShareChart from '../charts/StackedShareChart.svelte';
import StepCurveChart from '../charts/StepCurveChart.svelte';
import TimelineChart from '../charts/TimelineChart.svelte';
import { WEEKDAY_NAMES } from '../charts/weekday-names';
import WeekHourHeatmap from '../charts/WeekHourHeatmap.svelte';
import { gini } from '../metrics/algorithms/gini';
import { lorenzCurve } from '../metrics/algorithms/lorenz-curve';
import type { DatasetAnalysis } from '../metrics/analyze-dataset';
import { RETENTION_MIN_DAYS } from '../metrics/drops/retention-min-days';
import type { RetentionCurve } from '../metrics/drops/retention-curves';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { m } from '../i18n/messages';
import { grainName } from '../i18n/grain-name';
import { stagedFigureId, type Figures } from './figure-id';
import type { FigureSpec } from './figure-spec';
import { filterSentence } from './filter-sentence';
import { methodCaption } from './method-caption';

// Months of the retention axis are average Gregorian months; the CSV keeps the exact days.
const DAYS_PER_MONTH = 365.2425 / 12;
const SERIES_NAME = { month: 'monthly-activity', week: 'weekly-activity', day: 'daily-activity' } as const;

/** Every figure the analysis can feed, by name: what the dashboard shows and exports and `resonance figures` writes. */
export function dashboardFigures(analysis: DatasetAnalysis, settings: AnalysisSettings): Figures {
	const { monthly, series, grain, peaks, drops, retention, members } = analysis;
	if (monthly.length === 0) return {};
	const counted = { excluded_kinds: settings.excluded_kinds, filtered: filterSentence(analysis.filter.applied, analysis.filter.options) };
	const { time_zone, stages, events } = settings;
	const month_range = [monthly[0].month, monthly[monthly.length - 1].month] as const;
	const caption = (extra = '') => methodCaption({ counted, time_zone, date_range: month_range }) + extra;
	const label = (period_start: string) => (grain === 'month' ? period_start.slice(0, 7) : period_start);
	const has_likes = series.some((row) => row.likes !== null);
	const stageOf = (day: string) => stages.find((stage) => stage.start <= day && stage.end >= day)?.name ?? null;
	const figures: FigureSpec[] = [];

	figures.push({
		name: SERIES_NAME[grain],
		title: has_likes ? m.figure_series_title_likes({ grain: grainName(grain) }) : m.figure_series_title({ grain: grainName(grain) }),
		caption: caption(grain === 'week' ? extra(m.figure_series_weeks_monday()) : ''),
		component: TimelineChart,
		props: {
			points: series.map((row) => ({ label: label(row.period_start), value: row.messages, secondary: row.likes, coverage: row.coverage })),
			grain,
			value_label: m.figure_messages(),
			secondary_label: has_likes ? m.figure_likes() : undefined,
			peaks: peaks.peaks.map((peak) => ({ label: peak.label, event_label: peak.event ? nearestEventText(peak.event.label, peak.event_distance_days ?? 0) : null })),
			change_points:
				grain === 'month' ? drops.changepoints.map(({ month, ...change }) => ({ label: month, ...change })) : [],
			trend:
				grain === 'month' && drops.trend
					? { from_label: drops.trend.from_month, to_label: drops.trend.to_month, start_level: drops.trend.start_level, end_level: drops.trend.end_level, rate_per_period: drops.trend.rate_per_month }
					: null,
			drops: grain === 'month' ? drops.month_over_month.map((drop) => ({ label: drop.month, previous_median: drop.previous_median })) : [],
			stages,
			events
		},
		rows: series.map((row) => {
			const peak = peaks.peaks.find((candidate) => candidate.period_start === row.period_start);
			return {
				[grain === 'month' ? 'month' : `${grain}_start`]: label(row.period_start),
				messages: row.messages,
				words: row.words,
				likes: row.likes,
				active_members: row.active_members,
				coverage: row.coverage,
				peak: peak !== undefined,
				peak_event: peak?.event?.label ?? null,
				peak_event_distance_days: peak?.event_distance_days ?? null,
				stage: stageOf(row.period_start)
			};
		})
	});

	// The link figures join once the links are computed (the dashboard draws the activity first).
	const links = analysis.links;
	if (links) {
		const inferred = links.monthly[0]?.basis !== 'explicit' && links.by_rule.mention + links.by_rule.context > 0;
		const reply_method = inferred ? ('reply-inferred' as const) : ('explicit-only' as const);
		const link_caption = (extra = '') => methodCaption({ counted, reply_method, time_zone, date_range: month_range }) + extra;
		const link_months = links.monthly;
		if (link_months.some((row) => row.links > 0)) {
			figures.push({
				name: 'mentor-and-peers',
				title: m.figure_peers_title(),
				caption: link_caption(extra(m.figure_peers_caption()) + (inferred ? extra(m.figure_peers_caption_whiskers()) : '')),
				component: StackedShareChart,
				props: {
					periods: link_months.map((row) => ({
						label: row.period,
						mentor_to_student: row.mentor_to_student,
						student_to_mentor: row.student_to_mentor,
						student_to_student: row.student_to_student,
						peer_share_min: row.peer_share_min,
						peer_share_max: row.peer_share_max,
						mentor_message_share: row.mentor_message_share,
						peer_share_ci: row.peer_share_ci,
						n_links: row.n_links,
						mentor_share_ci: row.mentor_share_ci
					})),
					grain: 'month',
					stages
				},
				rows: link_months.map((row) => ({
					month: row.period,
					mentor_to_student: row.mentor_to_student,
					student_to_mentor: row.student_to_mentor,
					student_to_student: row.student_to_student,
					peer_share: row.peer_share,
					peer_share_ci_low: row.peer_share_ci?.[0] ?? null,
					peer_share_ci_high: row.peer_share_ci?.[1] ?? null,
					n_links: row.n_links,
					peer_share_min: row.peer_share_min,
					peer_share_max: row.peer_share_max,
					mentor_message_share: row.mentor_message_share,
					mentor_share_ci_low: row.mentor_share_ci?.[0] ?? null,
					mentor_share_ci_high: row.mentor_share_ci?.[1] ?? null,
					n_messages: row.n_messages,
					reciprocity: row.reciprocity,
					density: row.density,
					reciprocity_normalized: row.reciprocity_normalized,
					degree_centralization: row.degree_centralization,
					degree_centralization_min: row.degree_centralization_min,
					degree_centralization_max: row.degree_centralization_max,
					gini_student_messages: row.gini_student_messages,
					stage: stageOf(`${row.period}-01`)
				}))
			});
		}
		for (const [index, network] of links.networks.entries()) {
			if (network.edges.length === 0) continue;
			figures.push({
				name: stagedFigureId('reply-network', index),
				title: index === 0 ? m.figure_network_title() : m.figure_network_title_period({ period: network.period }),
				caption: link_caption(extra(m.figure_network_caption())),
				component: NetworkChart,
				props: { nodes: network.nodes.map((node) => ({ ...node, label: memberLabel(node.label) })), edges: network.edges },
				rows: network.edges.map((edge) => ({
					from: network.nodes.find((node) => node.id === edge.source)?.label ?? edge.source,
					to: network.nodes.find((node) => node.id === edge.target)?.label ?? edge.target,
					replies: edge.count
				}))
			});
		}
	}

	const curves = retention.length > 1 ? retention.slice(1) : retention;
	if (curves.length > 0 && analysis.span.days >= RETENTION_MIN_DAYS) {
		figures.push({
			name: 'retention',
			title: retention.length > 1 ? m.figure_retention_title_cohorts() : m.figure_retention_title(),
			caption: caption(
				extra(m.figure_retention_caption()) +
					extra(
						m.figure_retention_median({
							spans: curves.map((curve) => m.figure_retention_median_of({ cohort: curve.cohort === 'all' ? m.figure_all_members_lower() : curve.cohort, span: medianText(curve) })).join('; ')
						})
					)
			),
			component: StepCurveChart,
			props: {
				curves: curves.map((curve) => ({
					label: curve.cohort === 'all' ? m.figure_all_members() : curve.cohort,
					steps: curve.steps.map((step) => ({ time: step.time / DAYS_PER_MONTH, survival: step.survival, censored: step.censored, at_risk: step.at_risk, lower: step.lower, upper: step.upper }))
				})),
				x_label: m.figure_retention_x(),
				y_label: m.figure_retention_y()
			},
			rows: curves.flatMap((curve) =>
				curve.steps.map((step) => ({ cohort: curve.cohort, span_days: step.time, at_risk: step.at_risk, ended: step.events, censored: step.censored, survival: step.survival, survival_ci_low: step.lower, survival_ci_high: step.upper }))
			)
		});
	}

	figures.push({
		name: 'member-activity',
		title: m.figure_members_title(),
		caption: caption(extra(m.figure_members_caption())),
		component: ActivityHeatmap,
		props: {
			periods: monthly.map((row) => row.month),
			rows: members.map((member) => ({ id: member.author_id, label: memberLabel(member.author_name), role: member.role, counts: member.monthly_messages })),
			grain: 'month',
			value_label: m.figure_messages()
		},
		rows: members.flatMap((member) =>
			member.monthly_messages.map((messages, index) => ({ member: member.author_name, other_names: member.other_names.join('; '), role: member.role, month: monthly[index].month, messages }))
		)
	});

	const week_caption = extra(m.figure_hours_caption());
	const hour_sets = [{ stage: null, messages: analysis.hours.all }, ...analysis.hours.stages];
	for (const [index, { stage, messages }] of hour_sets.entries()) {
		const range = stages.find((candidate) => candidate.name === stage);
		figures.push({
			name: stagedFigureId('weekly-hours', index),
			title: stage === null ? m.figure_hours_title() : m.figure_hours_title_stage({ stage }),
			caption:
				stage === null || !range
					? caption(week_caption)
					: methodCaption({ counted, time_zone, date_range: [range.start, range.end] }) + week_caption + extra(m.figure_hours_stage({ stage })),
			component: WeekHourHeatmap,
			props: { messages, value_label: m.figure_messages() },
			rows: messages.flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday: WEEKDAY_NAMES[weekday], hour, messages: count })))
		});
	}

	const student_messages = members.filter((member) => member.role === 'student').map((member) => member.messages);
	const students = student_messages.length > 0;
	const counts = student_messages.length > 0 ? student_messages : members.map((member) => member.messages);
	if (counts.length > 1) {
		figures.push({
			name: 'participation-inequality',
			title: students ? m.figure_inequality_title_students() : m.figure_inequality_title_members(),
			caption: caption(extra(students ? m.figure_inequality_caption_students() : m.figure_inequality_caption_members())),
			component: LorenzChart,
			props: { points: lorenzCurve(counts), gini: gini(counts), population_label: students ? m.role_students() : m.figure_members_lower(), value_label: m.figure_messages_lower() },
			rows: [...counts].sort((a, b) => a - b).map((messages, index) => ({ rank: index + 1, messages }))
		});
	}
	// The data export names the filter too: a CSV opened on its own must not pass for the whole chat.
	const filtered = counted.filtered ? figures.map((figure) => ({ ...figure, rows: figure.rows.map((row) => ({ ...row, filter: counted.filtered })) })) : figures;
	return Object.fromEntries(filtered.map((figure) => [figure.name, figure]));
}

function medianText({ median_span_days, median_span_ci_days }: RetentionCurve): string {
	if (median_span_days === null) return m.figure_median_not_reached();
	if (median_span_ci_days === null) return m.figure_days({ count: median_span_days });
	return m.figure_days_ci({ count: median_span_days, low: median_span_ci_days[0], high: median_span_ci_days[1] ?? '∞' });
}

// The nearest event is a neighbour of the peak, not its proven cause: say how far it lies, and on which side.
function nearestEventText(label: string, distance_days: number): string {
	if (distance_days === 0) return label;
	const days = Math.abs(distance_days);
	return distance_days < 0 ? m.figure_event_before({ label, count: days }) : m.figure_event_after({ label, count: days });
}

/** A caption's added sentence: after a space in English, straight after the 。 in Chinese. */
function extra(sentence: string): string {
	return m.figure_caption_extra({ sentence });
}
