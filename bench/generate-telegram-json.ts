// `node --import ./bin/register-hooks.js bench/generate-telegram-json.ts OUT.json MESSAGES [--compact]`: a synthetic
// Telegram Desktop single-chat export (result.json) for measuring the CLI's import; not used by tests.
// Default layout is tdesktop's (one field a line, ~300 bytes a message); --compact writes one message a line.
import { open } from 'node:fs/promises';
import { mulberry32 } from '../src/lib/sample/mulberry32';
import { samplePhrases } from '../src/lib/sample/sample-phrases';

const AUTHORS = 200;
const START_S = Date.UTC(2019, 0, 1) / 1000;
const SPAN_S = 4 * 365 * 86_400;
const FLUSH_CHARS = 4 << 20;

/** Writes `messages` Telegram messages (4 years from 2019-01-01, 200 authors, 15% replies, 20% with reactions) to `path`. */
export async function writeTelegramJson(path: string, messages: number, compact = false, seed = 1): Promise<{ bytes: number }> {
	const random = mulberry32(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const pools = [...samplePhrases.mentor_prompt, ...samplePhrases.student_peer_start, samplePhrases.mentor_feedback, samplePhrases.student_answer];
	const texts = Array.from({ length: 4096 }, () =>
		pick(pick(pools)).replace(/\{(\w+)\}/g, (_, slot: keyof typeof samplePhrases.slots) => pick(samplePhrases.slots[slot]))
	);
	const newline = compact ? '' : '\n';
	const indent = (depth: number) => (compact ? '' : ' '.repeat(depth));
	const field = (key: string, value: string, last = false) => `${indent(3)}"${key}": ${value}${last ? '' : ','}${newline}`;
	const file = await open(path, 'w');
	let bytes = 0;
	let buffer = '';
	const write = async (text: string) => {
		buffer += text;
		if (buffer.length < FLUSH_CHARS) return;
		bytes += (await file.write(buffer)).bytesWritten;
		buffer = '';
	};
	try {
		await write(`{\n "name": "Synthetic Study Group",\n "type": "private_supergroup",\n "id": 1500000001,\n "messages": [\n`);
		const step_s = SPAN_S / messages;
		for (let i = 1; i <= messages; i++) {
			const at_s = START_S + Math.floor((i - 1 + random() * 0.99) * step_s);
			const author = 1 + Math.floor(random() * random() * AUTHORS);
			const text = JSON.stringify(pick(texts));
			let message = `${indent(2)}{${newline}` + field('id', String(i)) + field('type', '"message"');
			message += field('date', `"${new Date(at_s * 1000).toISOString().slice(0, 19)}"`) + field('date_unixtime', `"${at_s}"`);
			message += field('from', `"Member ${author}"`) + field('from_id', `"user${1000 + author}"`);
			if (i > 1 && random() < 0.15) message += field('reply_to_message_id', String(Math.max(1, i - 1 - Math.floor(random() * 20))));
			if (random() < 0.2) message += field('reactions', `[{"type": "emoji", "count": ${1 + Math.floor(random() * 5)}, "emoji": "👍"}]`);
			message += field('text', text, true);
			await write(message + `${indent(2)}}${i < messages ? ',' : ''}\n`);
		}
		await write(' ]\n}\n');
		bytes += (await file.write(buffer)).bytesWritten;
	} finally {
		await file.close();
	}
	return { bytes };
}

if (process.argv[1]?.endsWith('generate-telegram-json.ts')) {
	const [path, messages] = process.argv.slice(2);
	const { bytes } = await writeTelegramJson(path, Number(messages), process.argv.includes('--compact'));
	process.stdout.write(`${path}: ${Number(messages).toLocaleString('en')} messages, ${(bytes / 1e6).toFixed(0)} MB\n`);
}
