import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { csvField } from '../src/lib/sample/csv-field';
import { mulberry32 } from '../src/lib/sample/mulberry32';
import { samplePhrases } from '../src/lib/sample/sample-phrases';

const AUTHORS = 200;
const MENTORS = 3;
const TEXT_POOL_SIZE = 4096;
const START_S = Date.UTC(2019, 0, 1) / 1000;
const SPAN_S = 4 * 365 * 86_400;
const REPLY_PROBABILITY = 0.15;
const FLUSH_BYTES = 4 << 20;
const MAX_ROW_BYTES = 64 << 10;
const HEADER = 'message_id,timestamp,author,role,text,likes,reply_to,kind\n';

function textPool(random: () => number): string[] {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const pools = [
		...samplePhrases.mentor_prompt,
		...samplePhrases.student_peer_start,
		samplePhrases.mentor_feedback,
		samplePhrases.student_answer,
		samplePhrases.student_peer_reply
	];
	return Array.from({ length: TEXT_POOL_SIZE }, () => {
		const template = random() < 0.1 ? pick(samplePhrases.acknowledgement) : pick(pick(pools));
		const text = template.replace(/\{(\w+)\}/g, (_, slot: keyof typeof samplePhrases.slots) => pick(samplePhrases.slots[slot]));
		return csvField(text);
	});
}

/**
 * Streams a synthetic Resonance CSV of `messages` rows (~100 bytes each: 200 authors, 4 years from
 * 2019-01-01, mixed Chinese/English text, likes, 15% reply_to, 3% media/sticker) to `path`.
 * Memory stays flat: rows are written in ~4 MB chunks.
 */
export async function writeSyntheticExport(path: string, messages: number, seed = 1): Promise<{ bytes: number }> {
	const random = mulberry32(seed);
	const encoder = new TextEncoder();
	const texts = textPool(random).map((text) => encoder.encode(text));
	const authors = Array.from({ length: AUTHORS }, (_, i) =>
		encoder.encode(`U${String(i + 1).padStart(3, '0')},${i < MENTORS ? 'mentor' : 'student'},`)
	);
	const kinds = [',text\n', ',media\n', ',sticker\n'].map((kind) => encoder.encode(kind));
	const step_s = SPAN_S / messages;

	// Rows are encoded straight into one reused buffer: pre-encoded pieces plus hand-written digits,
	// because building strings and re-encoding them was the bottleneck at 10M rows.
	const out = Buffer.allocUnsafe(FLUSH_BYTES + MAX_ROW_BYTES);
	let position = 0;
	const put = (bytes: Uint8Array) => {
		for (let i = 0; i < bytes.length; i++) out[position++] = bytes[i];
	};
	const digits = new Uint8Array(20);
	const putInteger = (value: number) => {
		let length = 0;
		do {
			digits[length++] = 48 + (value % 10);
			value = Math.floor(value / 10);
		} while (value > 0);
		while (length > 0) out[position++] = digits[--length];
	};
	const putTwoDigits = (value: number) => {
		out[position++] = 48 + Math.floor(value / 10);
		out[position++] = 48 + (value % 10);
	};

	const file = await open(path, 'w');
	let bytes = 0;
	const flush = async () => {
		await file.write(out, 0, position);
		bytes += position;
		position = 0;
	};
	try {
		put(encoder.encode(HEADER));
		let day_index = -1;
		let day_prefix = new Uint8Array(0);
		for (let i = 0; i < messages; i++) {
			// Monotone: row i's time stays inside its own slot [i, i + 1) × step.
			const at_s = START_S + Math.floor((i + random() * 0.99) * step_s);
			const day = Math.floor(at_s / 86_400);
			if (day !== day_index) {
				day_index = day;
				day_prefix = encoder.encode(new Date(day * 86_400_000).toISOString().slice(0, 10) + ' ');
			}
			const second_of_day = at_s - day * 86_400;
			out[position++] = 109; // m
			putInteger(i + 1);
			out[position++] = 44;
			put(day_prefix);
			putTwoDigits(Math.floor(second_of_day / 3600));
			out[position++] = 58;
			putTwoDigits(Math.floor(second_of_day / 60) % 60);
			out[position++] = 58;
			putTwoDigits(second_of_day % 60);
			out[position++] = 44;
			// Squaring skews activity towards the first authors, mentors included.
			put(authors[Math.floor(random() * random() * AUTHORS)]);
			const kind_draw = random();
			const kind = kind_draw < 0.97 ? 0 : kind_draw < 0.99 ? 1 : 2;
			if (kind === 0) put(texts[Math.floor(random() * TEXT_POOL_SIZE)]);
			out[position++] = 44;
			const likes_draw = random();
			putInteger(likes_draw < 0.75 ? 0 : 1 + Math.floor((likes_draw - 0.75) * 36));
			out[position++] = 44;
			if (kind === 0 && i > 0 && random() < REPLY_PROBABILITY) {
				out[position++] = 109;
				putInteger(Math.max(1, i - Math.floor(random() * random() * 50)));
			}
			put(kinds[kind]);
			if (position >= FLUSH_BYTES) await flush();
		}
		if (position > 0) await flush();
	} finally {
		await file.close();
	}
	return { bytes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [path, count, seed] = process.argv.slice(2);
	if (path === undefined || !/^\d+$/.test(count ?? '')) {
		console.error('usage: tsx bench/generate-export.ts OUT.csv MESSAGES [SEED]');
		process.exit(2);
	}
	const started = performance.now();
	const { bytes } = await writeSyntheticExport(path, Number(count), seed === undefined ? undefined : Number(seed));
	const seconds = (performance.now() - started) / 1000;
	console.log(`${path}: ${count} messages, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
}
