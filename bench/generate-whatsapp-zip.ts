// `node --import ./bin/register-hooks.js bench/generate-whatsapp-zip.ts OUT.zip MESSAGES`: a synthetic WhatsApp
// Android export zip (`WhatsApp Chat with Synthetic Study Group.txt` inside, deflated) for measuring the CLI's
// import; not used by tests. About 75 bytes of chat a message; 2.7M messages make ~200 MB of chat.
import { createWriteStream } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import { mulberry32 } from '../src/lib/sample/mulberry32';
import { samplePhrases } from '../src/lib/sample/sample-phrases';

const AUTHORS = 200;
const START_MS = Date.UTC(2019, 0, 1);
const SPAN_MS = 4 * 365 * 86_400_000;
const FLUSH_CHARS = 1 << 20;

/** Writes a zip holding `messages` WhatsApp lines (day-first 24 h dates, some multi-line) to `path`. */
export async function writeWhatsappZip(path: string, messages: number, seed = 1): Promise<{ bytes: number; chat_bytes: number }> {
	const random = mulberry32(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const pools = [...samplePhrases.mentor_prompt, ...samplePhrases.student_peer_start, samplePhrases.mentor_feedback, samplePhrases.student_answer];
	const texts = Array.from({ length: 4096 }, () =>
		pick(pick(pools)).replace(/\{(\w+)\}/g, (_, slot: keyof typeof samplePhrases.slots) => pick(samplePhrases.slots[slot]))
	);
	const out = createWriteStream(path);
	let bytes = 0;
	const done = new Promise<void>((resolve, reject) => {
		out.on('finish', resolve);
		out.on('error', reject);
	});
	const zip = new Zip((error, data, final) => {
		if (error) throw error;
		bytes += data.length;
		out.write(data);
		if (final) out.end();
	});
	const entry = new ZipDeflate('WhatsApp Chat with Synthetic Study Group.txt', { level: 6 });
	zip.add(entry);
	const encoder = new TextEncoder();
	let chat_bytes = 0;
	let buffer = '';
	const flush = async (final: boolean) => {
		const chunk = encoder.encode(buffer);
		chat_bytes += chunk.length;
		entry.push(chunk, final);
		buffer = '';
		if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
	};
	const two = (value: number) => String(value).padStart(2, '0');
	const step_ms = SPAN_MS / messages;
	for (let i = 0; i < messages; i++) {
		const at = new Date(START_MS + Math.floor((i + random() * 0.99) * step_ms));
		const date = `${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
		const author = 1 + Math.floor(random() * random() * AUTHORS);
		const text = random() < 0.03 ? '<Media omitted>' : random() < 0.05 ? `${pick(texts)}\n${pick(texts)}` : pick(texts);
		buffer += `${date} - Member ${author}: ${text}\n`;
		if (buffer.length >= FLUSH_CHARS) await flush(false);
	}
	await flush(true);
	zip.end();
	await done;
	return { bytes, chat_bytes };
}

if (process.argv[1]?.endsWith('generate-whatsapp-zip.ts')) {
	const [path, messages] = process.argv.slice(2);
	const { bytes, chat_bytes } = await writeWhatsappZip(path, Number(messages));
	process.stdout.write(`${path}: ${Number(messages).toLocaleString('en')} messages, ${(chat_bytes / 1e6).toFixed(0)} MB of chat, ${(bytes / 1e6).toFixed(0)} MB zipped\n`);
}
