import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultPeakProminence } from '$lib/metrics/algorithms/default-peak-prominence';
import { findPeaks } from '$lib/metrics/algorithms/find-peaks';
import { generateSampleCommunity } from './generate-sample-community';
import { sampleMonthlyCounts } from './sample-monthly-counts';

interface CsvRow {
	message_id: string;
	timestamp: string;
	author: string;
	role: string;
	text: string;
	likes: string;
	reply_to: string;
	kind: string;
}

const sample = generateSampleCommunity();
const parsed = Papa.parse<CsvRow>(sample.csv, { header: true, skipEmptyLines: true });
const rows = parsed.data;
const text_rows = rows.filter((row) => row.kind === 'text');
const roster = Papa.parse<{ author: string; role: string; cohort: string }>(sample.roster_csv, {
	header: true,
	skipEmptyLines: true
}).data;

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	return counts;
}

function stageOf(timestamp: string): number {
	return sample.settings.stages.findIndex((stage) => stage.start <= timestamp && timestamp.slice(0, 10) <= stage.end);
}

function mentorShare(stage: number): number {
	const in_stage = text_rows.filter((row) => stageOf(row.timestamp) === stage);
	return in_stage.filter((row) => row.role === 'mentor').length / in_stage.length;
}

describe('generateSampleCommunity', () => {
	it('gives identical output on every run', () => {
		expect(generateSampleCommunity()).toEqual(sample);
	});

	it('writes a Resonance CSV that parses cleanly with the documented columns in order', () => {
		expect(parsed.errors).toEqual([]);
		expect(sample.csv.split('\n')[0]).toBe('message_id,timestamp,author,role,text,likes,reply_to,kind');
		expect(sample.csv.endsWith('\n')).toBe(true);
		expect(sample.csv).not.toContain('\r');
		expect(rows).toHaveLength(9440);
	});

	it('has 9,065 text rows plus 220 media, 153 sticker and 2 system rows', () => {
		expect(Object.fromEntries(countBy(rows, (row) => row.kind))).toEqual({
			text: 9065,
			media: 220,
			sticker: 153,
			system: 2
		});
	});

	it('reproduces the designed monthly counts for every kind', () => {
		for (const kind of ['text', 'media', 'sticker'] as const) {
			const counts = countBy(
				rows.filter((row) => row.kind === kind),
				(row) => row.timestamp.slice(0, 7)
			);
			const field = kind === 'text' ? 'messages' : kind;
			expect(Object.fromEntries(counts)).toEqual(
				Object.fromEntries(sampleMonthlyCounts.map((month) => [month.month, month[field]]))
			);
		}
		expect(sampleMonthlyCounts.reduce((sum, month) => sum + month.messages, 0)).toBe(9065);
		expect(sampleMonthlyCounts.map((month) => month.month)).toEqual(
			Array.from({ length: 26 }, (_, i) => `${2020 + Math.floor((8 + i) / 12)}-${String(((8 + i) % 12) + 1).padStart(2, '0')}`)
		);
	});

	it('has exactly two monthly peaks at the default sensitivity, 788 in 2021-03 and 706 in 2021-11', () => {
		const counts = sampleMonthlyCounts.map((month) => month.messages);
		const threshold = defaultPeakProminence(counts);
		const peaks = findPeaks(counts, { prominence: threshold, distance: 2 });
		expect(peaks.map((peak) => [sampleMonthlyCounts[peak.index].month, peak.value])).toEqual([
			['2021-03', 788],
			['2021-11', 706]
		]);
		// Every other local maximum is far below the threshold, not just under it.
		const others = findPeaks(counts).filter((peak) => peak.value < 706);
		expect(Math.max(...others.map((peak) => peak.prominence))).toBeLessThan(0.5 * threshold);
	});

	it('puts a mentor task event a few days before each peak, posted by the mentor that day', () => {
		for (const month of ['2021-03', '2021-11']) {
			const task = sample.settings.events.find((event) => event.date.startsWith(month) && /task/i.test(event.label));
			expect(task).toBeDefined();
			expect(Number(task!.date.slice(8))).toBeLessThanOrEqual(7);
			const first_of_day = text_rows.filter((row) => row.timestamp.startsWith(task!.date) && row.role === 'mentor');
			expect(first_of_day.some((row) => Number(row.likes) >= 18 && row.text.includes('\n'))).toBe(true);
		}
		expect(sample.settings.events.length).toBeGreaterThanOrEqual(4);
	});

	it('has one mentor and 58 students posting, S01 to S58', () => {
		const roles = new Map(text_rows.map((row) => [row.author, row.role]));
		expect([...roles].filter(([, role]) => role === 'mentor')).toEqual([['M01 Mentor', 'mentor']]);
		const students = [...roles].filter(([, role]) => role === 'student').map(([author]) => author);
		expect(students.sort()).toEqual(Array.from({ length: 58 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`));
		expect(roles.size).toBe(59);
	});

	it('lists every poster in the roster plus three lurkers who never post, in three cohorts', () => {
		const posters = new Set(rows.map((row) => row.author));
		const lurkers = roster.filter((member) => !posters.has(member.author)).map((member) => member.author);
		expect(lurkers).toEqual(['S59', 'S60', 'S61']);
		expect(roster.filter((member) => posters.has(member.author))).toHaveLength(59);
		expect(new Set(roster.filter((m) => m.role === 'student').map((m) => m.cohort))).toEqual(
			new Set(['Class A', 'Class B', 'Class C'])
		);
	});

	it('sorts rows by timestamp with sequential ids, evening-heavy times and integer likes', () => {
		rows.forEach((row, index) => {
			expect(row.message_id).toBe(`m${String(index + 1).padStart(6, '0')}`);
			expect(row.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect(row.likes).toMatch(/^\d+$/);
			if (index > 0) expect(row.timestamp >= rows[index - 1].timestamp).toBe(true);
		});
		expect(rows[0].timestamp >= '2020-09-01').toBe(true);
		expect(rows[rows.length - 1].timestamp < '2022-11-01').toBe(true);
		const evening = text_rows.filter((row) => row.timestamp.slice(11) >= '18:00:00').length;
		expect(evening / text_rows.length).toBeGreaterThan(0.5);
		const likes = text_rows.map((row) => Number(row.likes));
		expect(likes.filter((n) => n === 0).length / likes.length).toBeGreaterThan(0.6);
		expect(Math.max(...likes)).toBeGreaterThan(10);
	});

	it('points every reply_to at an earlier message, on 15–25% of text rows', () => {
		const position = new Map(rows.map((row, index) => [row.message_id, index]));
		const replies = rows.filter((row) => row.reply_to !== '');
		for (const row of replies) {
			expect(position.get(row.reply_to)!).toBeLessThan(position.get(row.message_id)!);
			expect(rows[position.get(row.reply_to)!].author).not.toBe(row.author);
		}
		expect(replies.every((row) => row.kind === 'text')).toBe(true);
		expect(replies.length / text_rows.length).toBeGreaterThanOrEqual(0.15);
		expect(replies.length / text_rows.length).toBeLessThanOrEqual(0.25);
	});

	it('has @mentions of known members', () => {
		const members = new Set(roster.map((member) => member.author));
		const mentions = text_rows.filter((row) => row.text.startsWith('@'));
		expect(mentions.length).toBeGreaterThan(100);
		for (const row of mentions) {
			const name = row.text.startsWith('@M01 Mentor') ? 'M01 Mentor' : row.text.slice(1).split(' ')[0];
			expect(members.has(name)).toBe(true);
		}
	});

	it('shifts from mentor-centred talk in stage 1 to peer talk in stage 3', () => {
		expect(mentorShare(0)).toBeGreaterThanOrEqual(0.35);
		expect(mentorShare(0)).toBeLessThanOrEqual(0.45);
		expect(mentorShare(1)).toBeLessThan(0.2);
		expect(mentorShare(2)).toBeGreaterThanOrEqual(0.08);
		expect(mentorShare(2)).toBeLessThanOrEqual(0.16);
		const by_id = new Map(rows.map((row) => [row.message_id, row]));
		const studentRepliesToMentorShare = (stage: number) => {
			const replies = text_rows.filter(
				(row) => row.role === 'student' && row.reply_to !== '' && stageOf(row.timestamp) === stage
			);
			return replies.filter((row) => by_id.get(row.reply_to)!.role === 'mentor').length / replies.length;
		};
		expect(studentRepliesToMentorShare(0)).toBeGreaterThan(0.7);
		expect(studentRepliesToMentorShare(2)).toBeLessThan(0.4);
	});

	it('fades in the last stage, with several students silent for months before the end', () => {
		const last_seen = new Map<string, string>();
		for (const row of text_rows) if (row.role === 'student') last_seen.set(row.author, row.timestamp);
		const silent = [...last_seen].filter(([, at]) => at >= '2022-03-01' && at < '2022-08-01');
		expect(silent.length).toBeGreaterThanOrEqual(6);
		const per_stage = [0, 1, 2].map((stage) => text_rows.filter((row) => stageOf(row.timestamp) === stage).length);
		expect(per_stage[2]).toBeLessThan(per_stage[1]);
		const last_months = sampleMonthlyCounts.slice(-4).map((month) => month.messages);
		expect(last_months).toEqual([...last_months].sort((a, b) => b - a));
	});

	it('writes mixed Chinese and English text with quoting-worthy content', () => {
		expect(text_rows.some((row) => /[\u4e00-\u9fff]/.test(row.text))).toBe(true);
		expect(text_rows.some((row) => /^[A-Za-z]/.test(row.text))).toBe(true);
		for (const needle of [',', '"', '\n']) expect(text_rows.some((row) => row.text.includes(needle))).toBe(true);
		expect(new Set(text_rows.map((row) => row.text)).size).toBeGreaterThan(4000);
		const system_texts = rows.filter((row) => row.kind === 'system').map((row) => row.text);
		expect(system_texts).toEqual(['S57 加入了群聊', 'S58 joined the group']);
	});

	it('defines three stages covering the whole range, in Asia/Shanghai', () => {
		expect(sample.settings.time_zone).toBe('Asia/Shanghai');
		expect(sample.settings.stages.map((stage) => stage.name)).toEqual([
			'Medical students',
			'Interns',
			'Newly qualified doctors'
		]);
		expect(sample.settings.stages[0].start).toBe('2020-09-01');
		expect(sample.settings.stages[2].end).toBe('2022-10-31');
		expect(text_rows.every((row) => stageOf(row.timestamp) >= 0)).toBe(true);
	});
});
