import { memberLabel } from '../charts/member-label';
import { formatNumber } from '../i18n/format-number';
import { grainName } from '../i18n/grain-name';
import { m } from '../i18n/messages';
import { roleName } from '../i18n/role-name';
import type { DatasetAnalysis } from '../metrics/analyze-dataset';
import type { ReportTable } from './report-table';

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatNumber(Math.round(value * 100) / 100, { style: 'percent' }));
const count = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatNumber(value));
const SILENCE = { recently_quiet: m.html_report_recently_quiet, long_gone: m.html_report_long_gone, as_expected: m.html_report_quiet_as_group } as const;

/** The tables the dashboard shows beside its figures (peaks, stages, members, who went quiet), as the report prints them. */
export function reportTables(analysis: DatasetAnalysis): ReportTable[] {
	const tables: ReportTable[] = [];
	const { grain, peaks } = analysis;
	tables.push({
		title: m.html_report_peaks(),
		caption: m.html_report_peaks_caption({ grain: grainName(grain), threshold: count(Math.round(peaks.threshold)), median: count(peaks.median) }),
		columns: [
			{ label: grain === 'month' ? m.html_report_column_month() : grain === 'week' ? m.html_report_column_week_from() : m.html_report_column_day() },
			{ label: m.html_report_column_messages(), numeric: true },
			{ label: m.html_report_column_times_median(), numeric: true },
			{ label: m.html_report_column_nearest_event() }
		],
		rows: peaks.peaks.map((peak) => [
			peak.label,
			count(peak.value),
			peak.ratio_to_median === null ? '—' : peak.ratio_to_median.toFixed(1),
			peak.event ? `${peak.event.label} (${peak.event.date}${eventDistance(peak.event_distance_days ?? 0)})` : '—'
		])
	});
	if (analysis.stages.length > 0) {
		const links = new Map((analysis.links?.stages ?? []).map((row) => [row.period, row]));
		tables.push({
			title: m.html_report_stages(),
			caption: m.html_report_stages_caption(),
			columns: [
				{ label: m.html_report_column_stage() },
				{ label: m.html_report_column_days() },
				{ label: m.html_report_column_messages(), numeric: true },
				{ label: m.html_report_column_per_month(), numeric: true },
				{ label: m.html_report_column_active_members(), numeric: true },
				{ label: m.html_report_column_mentor_share(), numeric: true },
				{ label: m.html_report_column_peer_share(), numeric: true },
				{ label: m.html_report_column_went_silent(), numeric: true }
			],
			rows: analysis.stages.map((stage) => [
				stage.stage,
				`${stage.start} – ${stage.end}`,
				count(stage.messages),
				stage.messages_per_month === null ? '—' : count(Math.round(stage.messages_per_month)),
				count(stage.active_members),
				percent(stage.mentor_share),
				percent(links.get(stage.stage)?.peer_share),
				count(stage.silent_members)
			])
		});
	}
	tables.push({
		title: m.html_report_members(),
		caption: m.html_report_members_caption(),
		columns: [
			{ label: m.html_report_column_member() },
			{ label: m.html_report_column_role() },
			{ label: m.html_report_column_messages(), numeric: true },
			{ label: m.html_report_column_months_active(), numeric: true }
		],
		rows: analysis.members.map((member) => [
			memberLabel(member.author_name),
			(member.role === null ? '—' : roleName(member.role)),
			count(member.messages),
			count(member.monthly_messages.filter((messages) => messages > 0).length)
		])
	});
	const silent = analysis.silent_members.filter((member) => member.status !== 'as_expected');
	tables.push({
		title: m.html_report_quiet(),
		caption: m.html_report_quiet_caption(),
		columns: [
			{ label: m.html_report_column_member() },
			{ label: m.html_report_column_role() },
			{ label: m.html_report_column_last_message() },
			{ label: m.html_report_column_days_quiet(), numeric: true },
			{ label: m.html_report_column_messages(), numeric: true },
			{ label: m.html_report_column_status() }
		],
		rows: silent.map((member) => [
			memberLabel(member.author_name),
			(member.role === null ? '—' : roleName(member.role)),
			member.last_message_at.slice(0, 10),
			count(Math.round(member.days_silent)),
			count(member.messages),
			SILENCE[member.status]()
		])
	});
	return tables;
}

function eventDistance(days: number): string {
	if (days === 0) return '';
	const size = Math.abs(days);
	return days < 0 ? m.html_report_event_days_before({ count: size }) : m.html_report_event_days_after({ count: size });
}
