import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { whatsapp } from '../../src/lib/ingest/formats/whatsapp';

const SEED = 20_261_205;
const RUNS = Math.round(300 * Number(process.env.FUZZ_SCALE ?? 1));
const CHAT = Array.from({ length: 120 }, (_, index) => `12/09/2021, 10:${String(index % 60).padStart(2, '0')} - ${index % 3 ? 'Ann' : 'Bo'}: message ${index}`).join('\n') + '\n';
const options = { time_zone: 'UTC' };

// One damage per case: a byte changed anywhere, the file cut short, or a declared size (local or directory) changed.
const damage = fc.oneof(
	fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('size' as const), field: fc.constantFrom('local-compressed', 'local-original', 'directory-compressed', 'directory-original'), size: fc.nat({ max: 20_000 }) })
);

type Damage = { kind: 'flip'; at: number; xor: number } | { kind: 'cut'; at: number } | { kind: 'size'; field: string; size: number };

function damaged(zip: Uint8Array, change: Damage): Uint8Array {
	if (change.kind === 'cut') return zip.subarray(0, change.at % zip.length);
	const copy = zip.slice();
	if (change.kind === 'flip') {
		copy[change.at % copy.length] ^= change.xor;
		return copy;
	}
	const view = new DataView(copy.buffer);
	let end = copy.length - 22;
	while (view.getUint32(end, true) !== 0x06054b50) end--;
	const directory = view.getUint32(end + 16, true);
	const offset = { 'local-compressed': 18, 'local-original': 22, 'directory-compressed': directory + 20, 'directory-original': directory + 24 }[change.field]!;
	view.setUint32(offset, change.size, true);
	return copy;
}

describe('damaged WhatsApp zips, fuzzed', () => {
	it(`${RUNS} stored and deflated zips with one damage each (seed ${SEED}): refused with one line, or exactly the undamaged chat, never altered or cut messages`, () => {
		const expected = whatsapp.parse({ name: '_chat.txt', bytes: strToU8(CHAT) }, options);
		const outcomes = { refused: 0, intact: 0 };
		fc.assert(
			fc.property(fc.boolean(), damage, (stored, change) => {
				const zip = zipSync({ '_chat.txt': strToU8(CHAT) }, { level: stored ? 0 : 6 });
				let parsed;
				try {
					parsed = whatsapp.parse({ name: 'chat.zip', bytes: damaged(zip, change) }, options);
				} catch (error) {
					expect(error).toBeInstanceOf(Error);
					expect((error as Error).message).toMatch(/^[^\n]{10,400}$/);
					outcomes.refused++;
					return;
				}
				expect(parsed.messages.map(({ sent_at, author_name, text }) => [sent_at, author_name, text])).toEqual(
					expected.messages.map(({ sent_at, author_name, text }) => [sent_at, author_name, text])
				);
				expect(parsed.rejected).toEqual([]);
				outcomes.intact++;
			}),
			{ seed: SEED, numRuns: RUNS }
		);
		console.info(`zip damage fuzz: ${RUNS} zips, ${outcomes.refused} refused, ${outcomes.intact} read intact`);
	}, 300_000);
});
