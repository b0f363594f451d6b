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
import type { FigureSpec } from './figure-spec';
import { filterSentence } from './filter-sentence';
import { methodCaption } from './method-caption';

// Months of the retention axis are average Gregorian months; the CSV keeps the exact days.
const DAYS_PER_MONTH = 365.2425 / 12;
const SERIES_NAME = { month: 'monthly-activity', week: 'weekly-activity', day: 'daily-activity' } as const;

/** Every figure the analysis can feed, by name: what the dashboard shows and exports and `resonance figures` writes. */
export function dashboardFigures(analysis: DatasetAnalysis, settings: AnalysisSettings): Record<string, FigureSpec> {
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
		title: `${has_likes ? 'Messages and likes' : 'Messages'} per ${grain}`,
		caption: caption(grain === 'week' ? ' Weeks start on Monday.' : ''),
		component: TimelineChart,
		props: {
			points: series.map((row) => ({ label: label(row.period_start), value: row.messages, secondary: row.likes, coverage: row.coverage })),
			grain,
			value_label: 'Messages',
			secondary_label: has_likes ? 'Likes' : undefined,
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
				title: 'Who answers whom: mentor ↔ student and student ↔ student, per month',
				caption: link_caption(
					' Thin bars: 95% Wilson interval of the student↔student share; months with fewer than 30 links are faded, with their n; band: 95% interval of the mentor’s share.' +
						(inferred ? ' Whiskers: range of the student↔student share across the rules (explicit replies only; + names; + other inferred links).' : '')
				),
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
				name: index === 0 ? 'reply-network' : `reply-network-stage-${index}`,
				title: index === 0 ? 'Who replies to whom' : `Who replies to whom: ${network.period}`,
				caption: link_caption(' Node size: messages; line width: replies from one member to another.'),
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
			title: retention.length > 1 ? 'How long members stay active, by cohort' : 'How long members stay active',
			caption: caption(
				' Kaplan–Meier estimate of the span from a member’s first to last message; members who posted in the last 30 days are censored (ticks); bands: pointwise 95% intervals (Greenwood, log-log).' +
					` Median span: ${curves.map((curve) => `${curve.cohort === 'all' ? 'all members' : curve.cohort} ${medianText(curve)}`).join('; ')}.`
			),
			component: StepCurveChart,
			props: {
				curves: curves.map((curve) => ({
					label: curve.cohort === 'all' ? 'All members' : curve.cohort,
					steps: curve.steps.map((step) => ({ time: step.time / DAYS_PER_MONTH, survival: step.survival, censored: step.censored, at_risk: step.at_risk, lower: step.lower, upper: step.upper }))
				})),
				x_label: 'Months from first to last message',
				y_label: 'Share of members still active'
			},
			rows: curves.flatMap((curve) =>
				curve.steps.map((step) => ({ cohort: curve.cohort, span_days: step.time, at_risk: step.at_risk, ended: step.events, censored: step.censored, survival: step.survival, survival_ci_low: step.lower, survival_ci_high: step.upper }))
			)
		});
	}

	figures.push({
		name: 'member-activity',
		title: 'Who talks when: messages per member and month',
		caption: caption(' Rows: members, mentors first, then by first message; roster members who never posted at the bottom.'),
		component: ActivityHeatmap,
		props: {
			periods: monthly.map((row) => row.month),
			rows: members.map((member) => ({ id: member.author_id, label: memberLabel(member.author_name), role: member.role, counts: member.monthly_messages })),
			grain: 'month',
			value_label: 'Messages'
		},
		rows: members.flatMap((member) =>
			member.monthly_messages.map((messages, index) => ({ member: member.author_name, other_names: member.other_names.join('; '), role: member.role, month: monthly[index].month, messages }))
		)
	});

	const week_caption = ' Counted messages by weekday (rows, Monday first) and hour of the day (columns) in the dataset’s time zone.';
	const hour_sets = [{ stage: null, messages: analysis.hours.all }, ...analysis.hours.stages];
	for (const [index, { stage, messages }] of hour_sets.entries()) {
		const range = stages.find((candidate) => candidate.name === stage);
		figures.push({
			name: index === 0 ? 'weekly-hours' : `weekly-hours-stage-${index}`,
			title: stage === null ? 'When people talk: messages by weekday and hour' : `When people talk: ${stage}`,
			caption:
				stage === null || !range
					? caption(week_caption)
					: methodCaption({ counted, time_zone, date_range: [range.start, range.end] }) + week_caption + ` Stage: ${stage}.`,
			component: WeekHourHeatmap,
			props: { messages, value_label: 'Messages' },
			rows: messages.flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday: WEEKDAY_NAMES[weekday], hour, messages: count })))
		});
	}

	const student_messages = members.filter((member) => member.role === 'student').map((member) => member.messages);
	const population = student_messages.length > 0 ? 'students' : 'members';
	const counts = student_messages.length > 0 ? student_messages : members.map((member) => member.messages);
	if (counts.length > 1) {
		figures.push({
			name: 'participation-inequality',
			title: `How unequally ${population} take part`,
			caption: caption(` Lorenz curve of messages per ${population.slice(0, -1)}; members of the roster who never posted count as 0.`),
			component: LorenzChart,
			props: { points: lorenzCurve(counts), gini: gini(counts), population_label: population, value_label: 'messages' },
			rows: [...counts].sort((a, b) => a - b).map((messages, index) => ({ rank: index + 1, messages }))
		});
	}
	// The data export names the filter too: a CSV opened on its own must not pass for the whole chat.
	const filtered = counted.filtered ? figures.map((figure) => ({ ...figure, rows: figure.rows.map((row) => ({ ...row, filter: counted.filtered })) })) : figures;
	return Object.fromEntries(filtered.map((figure) => [figure.name, figure]));
}

function medianText({ median_span_days, median_span_ci_days }: RetentionCurve): string {
	if (median_span_days === null) return 'not reached';
	const interval = median_span_ci_days === null ? '' : ` (95% CI ${median_span_ci_days[0]}–${median_span_ci_days[1] ?? '∞'})`;
	return `${median_span_days} days${interval}`;
}

// The nearest event is a neighbour of the peak, not its proven cause: say how far it lies, and on which side.
function nearestEventText(label: string, distance_days: number): string {
	if (distance_days === 0) return label;
	const days = Math.abs(distance_days);
	return `${label} (${days} day${days === 1 ? '' : 's'} ${distance_days < 0 ? 'before' : 'after'})`;
}
