import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANONYMIZE_OPTIONS } from '../../src/lib/anonymize/anonymize-options';
import { textScrubber } from '../../src/lib/anonymize/text-scrubber';
import { matchingText } from '../../src/lib/ingest/text/matching-text';

const SEED = 20_261_202;
const RUNS = Math.round(500 * Number(process.env.FUZZ_SCALE ?? 1));
/** Characters nobody sees: zero-width space/non-joiner/joiner, word joiner, soft hyphen, LRM, RLM, BOM, variation selector, Mongolian vowel separator. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u200e', '\u200f', '\ufeff', '\ufe0f', '\u180e'];

/** One way a character can be written so that a plain pattern misses it, or none. */
const disguise = fc.constantFrom('plain', 'full-width', 'invisible-after', 'decomposed');
function disguised(text: string, how: string[], invisible: string[]): string {
	return [...text]
		.map((char, index) => {
			const kind = how[index % how.length];
			if (kind === 'full-width' && /[!-~]/.test(char)) return String.fromCodePoint(char.codePointAt(0)! + 0xfee0);
			if (kind === 'invisible-after') return char + invisible[index % invisible.length];
			if (kind === 'decomposed') return char.normalize('NFD');
			return char;
		})
		.join('');
}
const hows = fc.array(disguise, { minLength: 1, maxLength: 6 });
const invisibles = fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 3 });

const latin_word = fc
	.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWYZ'), fc.array(fc.constantFrom(...'abcdefghijklmnoprstuvwyzéáñüöç'), { minLength: 2, maxLength: 8 }))
	.map(([first, rest]) => first + rest.join(''));
const latin_name = fc.array(latin_word, { minLength: 2, maxLength: 3 }).map((words) => words.join(' '));
const cjk_name = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 2, maxLength: 3 }).map((codes) => String.fromCodePoint(...codes));
/** Text around a name or identifier, with no letters or digits touching it. */
const before = fc.constantFrom('', 'hi ', '谢谢', '（', '@', '> ');
const after = fc.constantFrom('', ' said', '，好的', '）', '!', ' 😀');

/** What a reader takes from the output: the text a person sees, lowercased. */
const seen = (text: string) => matchingText(text).text.toLowerCase();

describe('textScrubber, fuzzed with disguised names and identifiers', () => {
	it(`${RUNS} names (seed ${SEED}): a member's Latin or CJK name written full-width, split by invisible characters or decomposed never survives, and the text around it stays as written`, () => {
		fc.assert(
			fc.property(fc.oneof(latin_name, cjk_name), hows, invisibles, before, after, (name, how, invisible, prefix, suffix) => {
				const scrubber = textScrubber([{ code: 'S01', names: [name], ids: ['u1'] }], DEFAULT_ANONYMIZE_OPTIONS, () => 'P99');
				const output = scrubber.scrub(prefix + disguised(name, how, invisible) + suffix);
				expect(seen(output)).not.toContain(name.normalize('NFKC').toLowerCase());
				expect(output.startsWith(prefix) && output.endsWith(suffix)).toBe(true);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});

	const label = fc.constantFrom('QQ', 'qq', 'QQ号', 'QQ号码', 'Q号', 'tel', 'Tel', 'TEL', 'phone', '电话', '手机', '手机号', '微信', '微信号', 'VX', 'vx', 'wx');
	const separator = fc.array(fc.constantFrom(':', '：', '-', ' ', '　', '=', '#', '是'), { maxLength: 3 }).map((chars) => chars.join(''));
	const number = fc.oneof(
		fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 10 })).map(([first, rest]) => `${first}${rest.join('')}`),
		fc.tuple(fc.constantFrom('13', '15', '18', '19'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })).map(([first, rest]) => first + rest.join(''))
	);
	it(`${RUNS} numbers after a label (seed ${SEED}): QQ/tel/微信/VX numbers with any separator, full-width or split digits never survive`, () => {
		fc.assert(
			// after an @, `@QQ12345` is a handle and becomes a code as a whole
			fc.property(label, separator, number, hows, invisibles, before.filter((text) => text !== '@'), after, (context, between, digits, how, invisible, prefix, suffix) => {
				const scrubber = textScrubber([], DEFAULT_ANONYMIZE_OPTIONS, () => 'P99');
				const output = scrubber.scrub(`${prefix}${context}${between}${disguised(digits, how, invisible)}${suffix}`);
				expect(seen(output).replace(/\D/g, '')).not.toContain(digits);
				expect(output.startsWith(prefix + context) && output.endsWith(suffix)).toBe(true);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});

	const host_label = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), { minLength: 3, maxLength: 12 }).map((chars) => chars.join(''));
	const address = fc.oneof(
		fc.tuple(fc.array(host_label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'io', 'ai', 'me', 'id', 'cn', 'dev', 'site')).map(([labels, tld]) => [...labels, tld].join('.')),
		fc.tuple(fc.array(host_label, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 2, maxLength: 8 }), host_label).map(
			([labels, tld, path]) => `${[...labels, tld.join('')].join('.')}/${path}`
		)
	);
	it(`${RUNS} host names and e-mails (seed ${SEED}): any host name, with or without a path, and an e-mail with a full-width ＠ never survive`, () => {
		fc.assert(
			fc.property(address, host_label, fc.constantFrom('@', '＠', '﹫'), fc.constantFrom('', 'see ', '主页：'), fc.constantFrom('', ' ', '。', ', ok'), (host, local, at, prefix, suffix) => {
				const scrubber = textScrubber([], DEFAULT_ANONYMIZE_OPTIONS, () => 'P99');
				const email = `${local}${at}${host.split('/')[0]}`;
				const output = scrubber.scrub(`${prefix}${host}${suffix} ${email}`);
				expect(seen(output)).not.toContain(host.split('/')[0]);
				expect(seen(output)).not.toContain(local);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});

	const prose_char = fc.constantFrom(...'abcdefg XYZ，。！？的了是我你好   éü'.split(''), '\u200b', '\u3000', 'ｱ', '①');
	it(`${RUNS} texts without names or identifiers (seed ${SEED}): come back exactly as written, whatever their encoding`, () => {
		fc.assert(
			fc.property(fc.array(prose_char, { maxLength: 40 }), (chars) => {
				const text = chars.join('');
				const scrubber = textScrubber([{ code: 'S01', names: ['Budi Santoso'], ids: ['u1'] }], DEFAULT_ANONYMIZE_OPTIONS, () => 'P99');
				expect(scrubber.scrub(text)).toBe(text);
			}),
			{ seed: SEED, numRuns: RUNS }
		);
	});
});
