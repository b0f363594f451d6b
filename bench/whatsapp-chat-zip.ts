import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { mulberry32 } from '../src/lib/sample/mulberry32';

const AUTHORS = 60;
const WORDS = 'the a case patient today we should check first why because fever pain dose blood test result chest heart lung kidney liver ward round exam question answer reading chapter page night shift senior junior ask think maybe yes no thanks sorry later tomorrow morning'.split(' ');

/**
 * A WhatsApp Android export (`_chat.txt` zipped with deflate) of about `zip_bytes` bytes: 60 authors, one message
 * a minute from 2021-01-01, words drawn at random (with numbers) so it packs about as a real chat does (4.2x).
 */
export function whatsappChatZip(zip_bytes: number, seed = 1): Uint8Array {
	const random = mulberry32(seed);
	const lines: string[] = [];
	let text_bytes = 0;
	// Random English words with numbers pack about 4.2x; the text is made that much larger than the zip wanted.
	const wanted_text_bytes = zip_bytes * 4.2;
	for (let index = 0; text_bytes < wanted_text_bytes; index++) {
		const at = new Date(Date.UTC(2021, 0, 1) + index * 60_000);
		const date = `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${at.getUTCFullYear()}`;
		const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
		const words = Array.from({ length: 3 + Math.floor(random() * 15) }, () =>
			random() < 0.1 ? String(Math.floor(random() * 10_000)) : WORDS[Math.floor(random() * WORDS.length)]
		);
		const line = `${date}, ${time} - Member ${1 + Math.floor(random() * random() * AUTHORS)}: ${words.join(' ')}`;
		lines.push(line);
		text_bytes += line.length + 1;
	}
	return zipSync({ 'WhatsApp Chat with Study group.txt': new TextEncoder().encode(lines.join('\n') + '\n') }, { level: 6 });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [path, megabytes] = process.argv.slice(2);
	if (path === undefined || !/^\d+$/.test(megabytes ?? '')) {
		console.error('usage: tsx bench/whatsapp-chat-zip.ts OUT.zip MEGABYTES');
		process.exit(2);
	}
	const zip = whatsappChatZip(Number(megabytes) * 1024 * 1024);
	await writeFile(path, zip);
	console.log(`${path}: ${(zip.length / 1024 / 1024).toFixed(1)} MB`);
}
