import { csvField } from './csv-field';
import { mulberry32 } from './mulberry32';
import { sampleMembers, type SampleMember } from './sample-members';
import { sampleMonthlyCounts } from './sample-monthly-counts';
import { samplePhrases } from './sample-phrases';
import { sampleSettings } from './sample-settings';

export interface SampleCommunity {
	/** Resonance CSV: message_id,timestamp,author,role,text,likes,reply_to,kind (LF, RFC 4180 quoting) */
	csv: string;
	/** author,role,cohort for every member, lurkers included */
	roster_csv: string;
	settings: typeof sampleSettings;
}

type Stage = 0 | 1 | 2;
type Kind = 'text' | 'media' | 'sticker' | 'system';

interface Row {
	at_s: number;
	seq: number;
	author: string;
	role: 'mentor' | 'student';
	text: string;
	likes: number;
	reply_to_seq: number | null;
	kind: Kind;
}

interface SessionMessage {
	author: string;
	role: 'mentor' | 'student';
	text: string;
	likes: number;
	reply_to: number | null;
}

const SEED = 20200901;
const DAY_S = 86_400;
const EARLIEST_S = 7 * 3600;
const LATEST_S = DAY_S - 30;
// Mentor share within sessions per stage (mentor-centred talk giving way to peer talk, as in the study);
// mentor-started sessions lift the realised shares to about 42%, 15% and 11%.
const MENTOR_SHARE: Record<Stage, number> = { 0: 0.37, 1: 0.13, 2: 0.1 };
const MENTOR_REPEAT = 0.15;
const MEAN_SESSION_SIZE = 8;
const REPLY_PROBABILITY = 0.25;
const MENTION_PROBABILITY = 0.06;
const HOLIDAYS: [string, string][] = [
	['2021-02-10', '2021-02-17'],
	['2022-01-31', '2022-02-06']
];
const JOINS = [
	{ author: 'S57', at: '2021-09-06 10:02:11', text: 'S57 加入了群聊' },
	{ author: 'S58', at: '2021-09-06 10:05:47', text: 'S58 joined the group' }
];
const MEDIA_TEXT = ['[图片]', '[image]', '[视频]'];
const STICKER_TEXT = ['[动画表情]', '[表情]', '[sticker]'];

function secondsOf(date: string, time = '00:00:00'): number {
	return Date.parse(`${date}T${time}Z`) / 1000;
}

function timestampOf(at_s: number): string {
	return new Date(at_s * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The deterministic sample community: one mentor and 58 posting students (plus 3 roster lurkers),
 * Sep 2020 – Oct 2022, 9,065 text messages with the monthly counts of `sampleMonthlyCounts`,
 * plus 220 media, 153 sticker and 2 system rows (9,440 rows in all).
 */
export function generateSampleCommunity(): SampleCommunity {
	const random = mulberry32(SEED);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const chance = (p: number) => random() < p;
	const pickWeighted = (weights: readonly number[]): number => {
		let r = random() * weights.reduce((sum, w) => sum + w, 0);
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		return weights.length - 1;
	};
	const fill = (template: string) => {
		const used = new Set<string>();
		return template.replace(/\{(\w+)\}/g, (_, slot: keyof typeof samplePhrases.slots) => {
			let value = pick(samplePhrases.slots[slot]);
			while (used.has(value)) value = pick(samplePhrases.slots[slot]);
			used.add(value);
			return value;
		});
	};
	const compose = (pool: readonly string[], extra_sentences: number) => {
		let text = fill(pick(pool));
		for (let i = 0; i < extra_sentences; i++) {
			const sentence = fill(pick(pool));
			const separator = chance(0.06) ? '\n' : /^[A-Za-z"']/.test(sentence) || /[A-Za-z.?!]$/.test(text) ? ' ' : '';
			text += separator + sentence;
		}
		return text;
	};

	const members = sampleMembers(random);
	const mentor = members.find((member) => member.role === 'mentor')!;
	const students = members.filter((member) => member.role === 'student' && !member.lurker);
	const event_dates = new Set(sampleSettings.events.map((event) => event.date));
	const stage_starts = sampleSettings.stages.map((stage) => stage.start.slice(0, 7));
	const stageOf = (month: string) => (stage_starts.filter((start) => start <= month).length - 1) as Stage;

	const activeOn = (date: string) =>
		students.filter((s) => (s.joined_on === null || s.joined_on < date) && (s.left_on === null || date < s.left_on));

	const rows: Row[] = [];
	let seq = 0;
	const push = (row: Omit<Row, 'seq'>) => {
		rows.push({ ...row, seq });
		return seq++;
	};

	function sessionMessages(options: {
		stage: Stage;
		date: string;
		size: number;
		announcement: string | null;
		task_date: string | null;
		active: SampleMember[];
	}): SessionMessage[] {
		const { stage, size, announcement, task_date, active } = options;
		const share = MENTOR_SHARE[stage];
		const starter_mentor_probability = Math.min(0.9, 2 * share);
		// A two-state chain whose stationary mentor share is `share`: the mentor rarely posts twice in a row.
		const mentor_after_student = (share * (1 - MENTOR_REPEAT)) / (1 - share);
		const weights = active.map((student) => student.weight * student.stage_weights[stage]);
		const participants: SampleMember[] = [];
		const addParticipant = () => {
			if (participants.length === active.length) return;
			let index = pickWeighted(weights);
			while (participants.includes(active[index])) index = (index + 1) % active.length;
			participants.push(active[index]);
		};
		const participant_count = 2 + Math.floor(random() * 4) + (stage === 0 ? 1 : 0);
		for (let i = 0; i < participant_count; i++) addParticipant();

		const studentLikes = () => (chance(0.8) ? 0 : 1 + Math.floor(random() ** 3 * 10));
		const mentorLikes = () => (chance(0.55) ? 0 : 1 + Math.floor(random() ** 2 * 10));
		const messages: SessionMessage[] = [];

		if (announcement !== null) {
			messages.push({
				author: mentor.author,
				role: 'mentor',
				text: announcement,
				likes: task_date === options.date ? 18 + Math.floor(random() * 23) : 4 + Math.floor(random() * 9),
				reply_to: null
			});
		} else if (chance(starter_mentor_probability)) {
			messages.push({
				author: mentor.author,
				role: 'mentor',
				text: compose(samplePhrases.mentor_prompt[stage], Number(chance(0.5)) + Number(chance(0.2))),
				likes: mentorLikes(),
				reply_to: null
			});
		} else {
			const pool =
				task_date !== null && chance(0.5) ? samplePhrases.task_followup[task_date] : samplePhrases.student_peer_start[stage];
			messages.push({
				author: participants[0].author,
				role: 'student',
				text: compose(pool, Number(chance(0.3))),
				likes: studentLikes(),
				reply_to: null
			});
		}

		while (messages.length < size) {
			const previous = messages[messages.length - 1];
			const is_mentor = chance(previous.role === 'mentor' ? MENTOR_REPEAT : mentor_after_student);
			let author: SampleMember;
			if (is_mentor) author = mentor;
			else {
				if (chance(0.08)) addParticipant();
				const others = participants.filter((p) => p.author !== previous.author);
				author = others.length > 0 && chance(0.85) ? pick(others) : pick(participants);
			}
			const recent = messages
				.map((message, index) => ({ message, index }))
				.slice(-5)
				.filter(({ message }) => message.author !== author.author);
			let reply_to: number | null = null;
			let mention: string | null = null;
			let context = previous;
			if (chance(REPLY_PROBABILITY)) {
				const last_mentor = messages.findLastIndex((message) => message.role === 'mentor');
				const prefer_mentor = !is_mentor && last_mentor >= 0 && chance(stage === 0 ? 0.8 : 0.3);
				const candidates = is_mentor ? recent.filter(({ message }) => message.role === 'student') : recent;
				if (prefer_mentor) reply_to = last_mentor;
				else if (candidates.length > 0) reply_to = pick(candidates).index;
				if (reply_to !== null) context = messages[reply_to];
			} else if (recent.length > 0 && chance(MENTION_PROBABILITY)) {
				const addressee = pick(recent).message;
				mention = addressee.author;
				context = addressee;
			}

			let text: string;
			if (is_mentor) {
				text =
					context.role === 'student' && chance(0.8)
						? compose(samplePhrases.mentor_feedback, Number(chance(0.35)))
						: compose(samplePhrases.mentor_prompt[stage], Number(chance(0.4)));
			} else if (context.role === 'mentor') {
				text = chance(0.18)
					? pick(samplePhrases.acknowledgement)
					: compose(samplePhrases.student_answer, Number(chance(0.4)) + Number(chance(0.1)));
			} else if (chance(0.1)) {
				text = pick(samplePhrases.acknowledgement);
			} else {
				const pool =
					task_date !== null && chance(0.35)
						? samplePhrases.task_followup[task_date]
						: chance(0.7)
							? samplePhrases.student_peer_reply
							: samplePhrases.student_peer_start[stage];
				text = compose(pool, Number(chance(0.4)) + Number(chance(0.1)));
			}
			if (mention !== null) text = `@${mention} ${text}`;
			messages.push({
				author: author.author,
				role: author.role,
				text,
				likes: is_mentor ? mentorLikes() : studentLikes(),
				reply_to
			});
		}
		return messages;
	}

	function preferredStart(stage: Stage): number {
		const r = random();
		// Newly qualified doctors talk later at night, after their shifts.
		if (r < 0.62) return (stage === 2 ? 20 : 18.5) * 3600 + Math.floor(random() * 3.5 * 3600);
		if (r < 0.82) return 11.75 * 3600 + Math.floor(random() * 105 * 60);
		return 8.5 * 3600 + Math.floor(random() * 9.5 * 3600);
	}

	function layDay(sessions: { start_s: number; size: number }[]): number[][] {
		const times: number[][] = [];
		let cursor = -Infinity;
		for (const session of sessions) {
			let t = Math.max(session.start_s, cursor + 180 + Math.floor(random() * 1200));
			const session_times = [t];
			for (let i = 1; i < session.size; i++) {
				t += 20 + Math.min(900, Math.floor(-Math.log(1 - random()) * 90));
				session_times.push(t);
			}
			cursor = t;
			times.push(session_times);
		}
		const all = times.flat();
		const first = all[0];
		const last = all[all.length - 1];
		if (last > LATEST_S) {
			const shift = last - LATEST_S;
			if (first - shift >= EARLIEST_S) return times.map((s) => s.map((x) => x - shift));
			// Too much talk for one evening: squeeze the whole day into 07:00–23:59, keeping order strict.
			const scale = (LATEST_S - EARLIEST_S) / (last - first);
			let previous = -1;
			return times.map((s) =>
				s.map((x) => (previous = Math.max(previous + 1, EARLIEST_S + Math.floor((x - first) * scale))))
			);
		}
		return times;
	}

	for (const plan of sampleMonthlyCounts) {
		const [year, month] = plan.month.split('-').map(Number);
		const stage = stageOf(plan.month);
		const day_count = new Date(Date.UTC(year, month, 0)).getUTCDate();
		const dates = Array.from({ length: day_count }, (_, i) => `${plan.month}-${String(i + 1).padStart(2, '0')}`);
		const task_date = Object.keys(samplePhrases.task_followup).find((date) => date.startsWith(plan.month)) ?? null;

		const day_weights = dates.map((date) => {
			let weight = 0.55 + 0.9 * random();
			const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
			if (weekday === 0 || weekday === 6) weight *= 0.8;
			if (HOLIDAYS.some(([from, to]) => from <= date && date <= to)) weight *= 0.35;
			if (task_date !== null) {
				const days_after = (secondsOf(date) - secondsOf(task_date)) / DAY_S;
				weight *= days_after < 0 ? 0.5 : 1 + 4 * Math.exp(-days_after / 8);
			}
			return weight;
		});
		const announcement_sizes = dates.map((date) =>
			event_dates.has(date) ? (date === task_date ? 14 + Math.floor(random() * 8) : 4 + Math.floor(random() * 5)) : 0
		);
		const per_day = [...announcement_sizes];
		const free = plan.messages - announcement_sizes.reduce((sum, n) => sum + n, 0);
		for (let i = 0; i < free; i++) per_day[pickWeighted(day_weights)]++;

		const month_text_rows: Row[] = [];
		dates.forEach((date, day_index) => {
			if (per_day[day_index] === 0) return;
			const day_start = secondsOf(date);
			const active = activeOn(date);
			const sessions: { start_s: number; size: number; announcement: string | null }[] = [];
			let remaining = per_day[day_index];
			if (announcement_sizes[day_index] > 0) {
				sessions.push({
					start_s: 20 * 3600 + Math.floor(random() * 1800),
					size: announcement_sizes[day_index],
					announcement: samplePhrases.event_announcement[date]
				});
				remaining -= announcement_sizes[day_index];
			}
			while (remaining > 0) {
				const size = Math.min(remaining, 1 + Math.ceil(-Math.log(1 - random()) * (MEAN_SESSION_SIZE - 1)));
				sessions.push({ start_s: preferredStart(stage), size, announcement: null });
				remaining -= size;
			}
			sessions.sort((a, b) => a.start_s - b.start_s);
			const times = layDay(sessions);
			sessions.forEach((session, session_index) => {
				const messages = sessionMessages({
					stage,
					date,
					size: session.size,
					announcement: session.announcement,
					task_date: task_date !== null && task_date <= date ? task_date : null,
					active
				});
				const seqs: number[] = [];
				messages.forEach((message, i) => {
					const row_seq = push({
						at_s: day_start + times[session_index][i],
						author: message.author,
						role: message.role,
						text: message.text,
						likes: message.likes,
						reply_to_seq: message.reply_to === null ? null : seqs[message.reply_to],
						kind: 'text'
					});
					seqs.push(row_seq);
					month_text_rows.push(rows[rows.length - 1]);
				});
			});
		});

		const extras: Kind[] = [...Array<Kind>(plan.media).fill('media'), ...Array<Kind>(plan.sticker).fill('sticker')];
		for (const kind of extras) {
			const parent = pick(month_text_rows);
			const day_end = parent.at_s - (parent.at_s % DAY_S) + DAY_S - 1;
			const author = chance(0.7)
				? members.find((m) => m.author === parent.author)!
				: pick([mentor, ...activeOn(timestampOf(parent.at_s).slice(0, 10))]);
			push({
				at_s: Math.min(day_end, parent.at_s + 5 + Math.floor(random() * 45)),
				author: author.author,
				role: author.role,
				text: kind === 'media' ? (chance(0.5) ? '' : pick(MEDIA_TEXT)) : pick(STICKER_TEXT),
				likes: kind === 'media' && chance(0.2) ? 1 + Math.floor(random() * 3) : 0,
				reply_to_seq: null,
				kind
			});
		}
	}

	for (const join of JOINS) {
		const [date, time] = join.at.split(' ');
		const at_s = secondsOf(date, time);
		push({ at_s, author: join.author, role: 'student', text: join.text, likes: 0, reply_to_seq: null, kind: 'system' });
	}

	rows.sort((a, b) => a.at_s - b.at_s || a.seq - b.seq);
	const id_of_seq = new Map(rows.map((row, index) => [row.seq, `m${String(index + 1).padStart(6, '0')}`]));
	const lines = ['message_id,timestamp,author,role,text,likes,reply_to,kind'];
	for (const row of rows) {
		const reply_to = row.reply_to_seq === null ? '' : id_of_seq.get(row.reply_to_seq)!;
		lines.push(
			[id_of_seq.get(row.seq)!, timestampOf(row.at_s), row.author, row.role, row.text, String(row.likes), reply_to, row.kind]
				.map(csvField)
				.join(',')
		);
	}

	const roster_lines = ['author,role,cohort', ...members.map((m) => [m.author, m.role, m.cohort].map(csvField).join(','))];
	return {
		csv: lines.join('\n') + '\n',
		roster_csv: roster_lines.join('\n') + '\n',
		settings: structuredClone(sampleSettings)
	};
}
