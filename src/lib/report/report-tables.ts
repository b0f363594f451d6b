import { memberLabel } from '../charts/member-label';
import type { DatasetAnalysis } from '../metrics/analyze-dataset';
import type { ReportTable } from './report-table';

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`);
const count = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('en'));
const SILENCE = { recently_quiet: 'recently quiet', long_gone: 'long gone', as_expected: 'quiet as the group' } as const;

/** The tables the dashboard shows beside its figures (peaks, stages, members, who went quiet), as the report prints them. */
export function reportTables(analysis: DatasetAnalysis): ReportTable[] {
	const tables: ReportTable[] = [];
	const { grain, peaks } = analysis;
	tables.push({
		title: 'Peaks',
		caption: `A ${grain} is a peak when it is higher than both neighbours and stands out by at least ${count(Math.round(peaks.threshold))} messages (the median ${grain} has ${count(peaks.median)}). The nearest event is a neighbour of the peak, not its proven cause.`,
		columns: [{ label: grain === 'month' ? 'Month' : grain === 'week' ? 'Week from' : 'Day' }, { label: 'Messages', numeric: true }, { label: '× median', numeric: true }, { label: 'Nearest event' }],
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
			title: 'Stage by stage',
			caption: 'Pooled over each stage’s messages. Peer share: student ↔ student links among all links between members; went silent: members whose last message falls in the stage and who stayed silent after it.',
			columns: [
				{ label: 'Stage' },
				{ label: 'Days' },
				{ label: 'Messages', numeric: true },
				{ label: 'Per month', numeric: true },
				{ label: 'Active members', numeric: true },
				{ label: 'Mentor share of messages', numeric: true },
				{ label: 'Peer share', numeric: true },
				{ label: 'Went silent', numeric: true }
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
		title: 'Members',
		caption: 'Counted messages per member over the whole range, mentors first, then by first message; roster members who never posted last.',
		columns: [{ label: 'Member' }, { label: 'Role' }, { label: 'Messages', numeric: true }, { label: 'Months active', numeric: true }],
		rows: analysis.members.map((member) => [
			memberLabel(member.author_name),
			member.role ?? '—',
			count(member.messages),
			count(member.monthly_messages.filter((messages) => messages > 0).length)
		])
	});
	const silent = analysis.silent_members.filter((member) => member.status !== 'as_expected');
	tables.push({
		title: 'Who went quiet',
		caption: 'Silent longer than their own usual gap and at least 14 days, and unlikely (under 5%) to write nothing at their own pace given what the group wrote since.',
		columns: [{ label: 'Member' }, { label: 'Role' }, { label: 'Last message' }, { label: 'Days quiet', numeric: true }, { label: 'Messages', numeric: true }, { label: 'Status' }],
		rows: silent.map((member) => [
			memberLabel(member.author_name),
			member.role ?? '—',
			member.last_message_at.slice(0, 10),
			count(Math.round(member.days_silent)),
			count(member.messages),
			SILENCE[member.status]
		])
	});
	return tables;
}

function eventDistance(days: number): string {
	if (days === 0) return '';
	const size = Math.abs(days);
	return `, ${size} day${size === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'}`;
}
