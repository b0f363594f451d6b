import fc from 'fast-check';
import type { ByteMutation } from './mutate-bytes';

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** Bytes worth inserting: CSV syntax, line breaks, NUL, a BOM, GB18030 and UTF-16 pairs, broken UTF-8. */
const INSERTS: number[][] = [
	ascii('"'),
	ascii(','),
	ascii('\n'),
	ascii('\r'),
	ascii('\r\n'),
	[0x00],
	[0xef, 0xbb, 0xbf],
	[0xc4, 0xe3, 0xba, 0xc3], // 你好 in GB18030: not UTF-8
	[0x60, 0x4f, 0x7d, 0x59], // 你好 in UTF-16LE without a BOM
	[0xe4, 0xbd], // a UTF-8 character cut in half
	[0xff, 0xfe],
	ascii('""'),
	ascii('"\n'),
	ascii('<script>window.__pwned=1</script>')
];

/** Zero to four random damages: truncation, insertions (syntax, NUL, binary garbage, other encodings), bit flips, deletions, a repeated line. */
export function byteMutations(): fc.Arbitrary<ByteMutation[]> {
	// Unbiased: fast-check otherwise favours position 0, and most damage would land in the header.
	const at = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((millionths) => millionths / 1_000_000);
	const mutation: fc.Arbitrary<ByteMutation> = fc.oneof(
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
		{ weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.constantFrom(...INSERTS) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at }) }
	);
	return fc.array(mutation, { maxLength: 4 });
}
