import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesImportSource } from '../../src/lib/ingest/sources/bytes-import-source';
import { decodeText, ENCODING_SAMPLE_BYTES } from '../../src/lib/ingest/text/decode-text';
import { inspectExport } from '../../src/lib/ingest/inspect-export';
import { gb18030Bytes } from './gb18030-bytes';

const SEED = 20_240_603;
const RUNS = Math.round(40 * Number(process.env.FUZZ_SCALE ?? 1));
const encoder = new TextEncoder();

// Rows a mixed or damaged export might hold: ASCII, UTF-8 with accents and Chinese, Chinese in GB18030, stray bytes.
const row = fc.oneof(
	fc.constant(encoder.encode('2021-08-01 10:00:00,Ann,hello there\n')),
	fc.constant(encoder.encode('2021-08-01 10:00:00,Zoë,naïve café\n')),
	fc.constant(encoder.encode('2021-08-01 10:00:00,张伟,同学们好，这周的任务\n')),
	fc.constant(gb18030Bytes('2021-08-01 10:00:00,张伟,同学们好，这周的任务\n')),
	fc.constant(gb18030Bytes('2021-08-01 10:00:00,李娜,好的\n')),
	fc.constant(Uint8Array.of(...encoder.encode('2021-08-01 10:00:00,Bo,it'), 0x92, ...encoder.encode('s\n'))),
	fc.constant(Uint8Array.of(...encoder.encode('2021-08-01 10:00:00,Bo,cut '), 0xe4, 0xbd, 0x0a))
);
// A block of rows repeated so that some files end inside the 256 KB sample and some run well past it.
const file = fc.record({ block: fc.array(row, { minLength: 1, maxLength: 12 }), repeats: fc.integer({ min: 1, max: 12_000 }), tail: fc.array(row, { maxLength: 6 }) }).map(({ block, repeats, tail }) => {
	const parts: Uint8Array[] = [encoder.encode('timestamp,author,text\n')];
	let size = 0;
	for (let count = 0; count < repeats && size < 2 * ENCODING_SAMPLE_BYTES; count++) for (const part of block) (parts.push(part), (size += part.length));
	parts.push(...tail);
	const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) (bytes.set(part, offset), (offset += part.length));
	return bytes;
});

describe('the encoding decision, fuzzed', () => {
	it(`${RUNS} mixed UTF-8 / GB18030 / damaged files up to 512 KB (seed ${SEED}): the file and its 256 KB head decide alike, and every line with a byte that is not UTF-8 is listed`, async () => {
		const seen: Record<string, number> = {};
		await fc.assert(
			fc.asyncProperty(file, async (bytes) => {
				let decoded: ReturnType<typeof decodeText> | null = null;
				try {
					decoded = decodeText(bytes);
				} catch {
					// refused: the head must not be taken for UTF-8 either
				}
				let inspected: string | null = null;
				try {
					const inspection = await inspectExport(bytesImportSource('mixed.csv', bytes));
					inspected = inspection.kind === 'csv' ? inspection.encoding : null;
				} catch {
					// a head that reads as GB18030 but is not: refused like the whole file
				}
				const outcome = `${decoded?.encoding ?? 'refused'}${bytes.length > ENCODING_SAMPLE_BYTES ? ' past 256 KB' : ''}`;
				seen[outcome] = (seen[outcome] ?? 0) + 1;
				if (decoded) expect(inspected).toBe(decoded.encoding);
				else expect(inspected === null || inspected === 'gb18030').toBe(true);
				if (decoded?.encoding === 'utf-8') {
					const replaced = decoded.text
						.split(/\r\n|\r|\n/)
						.flatMap((line, index) => (line.includes('\ufffd') ? [index + 1] : []));
					expect(decoded.bad_bytes.map((bad) => bad.line)).toEqual(replaced);
				}
			}),
			{ seed: SEED, numRuns: RUNS }
		);
		console.info(`encoding decision fuzz: ${RUNS} files`, seen);
	}, 300_000);
});
