import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db';
import { createNodeDb } from '../../db/duckdb-node';
import { messageQuery } from './message-query';
import { regexRequiredLiterals } from './regex-required-literals';

describe('regexRequiredLiterals(pattern)', () => {
	it('takes the longest literal run of each top-level alternative', () => {
		expect(regexRequiredLiterals('chest pain|胸痛')).toEqual(['chest pain', '胸痛']);
		expect(regexRequiredLiterals('aspirin (dose|dosage) \\d+mg')).toEqual(['aspirin ']);
		expect(regexRequiredLiterals('[Cc]ase stud(y|ies)')).toEqual(['ase stud']);
		expect(regexRequiredLiterals('C\\+\\+ \\(basics\\)')).toEqual(['C++ (basics)']);
	});

	it('a quantifier that allows none drops its character; one that repeats it ends the run after it', () => {
		expect(regexRequiredLiterals('colou?r')).toEqual(['colo']);
		expect(regexRequiredLiterals('ab*cdef')).toEqual(['cdef']);
		expect(regexRequiredLiterals('go+al!')).toEqual(['al!']);
		expect(regexRequiredLiterals('x{0,3}yz')).toEqual(['yz']);
		expect(regexRequiredLiterals('ha{2}t')).toEqual(['ha']);
	});

	it('gives none for a pattern with any case-insensitive part', () => {
		expect(regexRequiredLiterals('(?i)chest pain')).toBeNull();
		expect(regexRequiredLiterals('(?si)chest pain')).toBeNull();
		expect(regexRequiredLiterals('a(?i:b)cd')).toBeNull();
		expect(regexRequiredLiterals('(?s)chest.pain')).toEqual(['chest']);
	});

	it('gives no prefilter when an alternative has no literal or the syntax is not followed', () => {
		expect(regexRequiredLiterals('\\d+')).toBeNull();
		expect(regexRequiredLiterals('abc|.*')).toBeNull();
		expect(regexRequiredLiterals('abc|')).toBeNull();
		expect(regexRequiredLiterals('(?x)a b c')).toBeNull();
		expect(regexRequiredLiterals('\\Qa.b\\E')).toBeNull();
		expect(regexRequiredLiterals('a{,2}b')).toBeNull();
	});
});

describe('the prefilter never drops a message RE2 matches (RE2 in DuckDB as the judge)', () => {
	let db: Db;
	beforeAll(async () => {
		db = await createNodeDb();
	});
	afterAll(async () => {
		await db.close();
	});

	// Letters whose case folding is not lowercasing (K/Kelvin sign, s/long s, å/Ångström sign), CJK, and RE2's syntax.
	const ALPHABET = ['a', 'b', 'A', 'k', 'K', '\u212A', 's', 'ſ', 'å', '\u212B', '中', ' ', '.', '%', '_', '\\'];
	const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 }).map((chars) => chars.join(''));
	const atom = fc.oneof(
		fc.constantFrom('a', 'b', 'A', 'k', 's', 'å', '中', ' ', '%', '_', '.', '\\.', '\\\\', '\\d', '[ab]', '[^a]', '(a|b)', '(?i:k)', '\\pL'),
		fc.constantFrom('a', 'k', 's')
	);
	const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,1}', '+?');
	const branch = fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }).map((parts) => parts.map(([a, q]) => a + q).join(''));
	const pattern = fc
		.tuple(fc.constantFrom('', '(?i)', '(?s)'), fc.array(branch, { minLength: 1, maxLength: 3 }))
		.map(([flags, branches]) => flags + branches.join('|'));

	it('keeps a text where RE2 folds the long s and the Kelvin sign, which lowercasing would not', async () => {
		for (const [regex, text] of [['(?i)sun', 'ſun'], ['(?i)kelvin', '\u212Aelvin'], ['(?i)nask', 'naſk']]) {
			const query = await messageQuery(db, regex, { regex: true });
			const rows = await db.query<{ kept: boolean }>(`SELECT (${query.sql}) AS kept FROM (VALUES (?)) t(text)`, [...query.params, text]);
			expect([regex, rows[0].kept]).toEqual([regex, true]);
		}
	});

	it('every text RE2 matches also passes the literal prefilter', async () => {
		await fc.assert(
			fc.asyncProperty(pattern, fc.array(text, { minLength: 1, maxLength: 12 }), async (regex, texts) => {
				const query = await messageQuery(db, regex, { regex: true });
				const values = texts.map((_, index) => `(?)`).join(', ');
				const [{ dropped }] = await db.query<{ dropped: number }>(
					`SELECT count(*)::INTEGER AS dropped FROM (VALUES ${values}) t(text)
					WHERE regexp_matches(coalesce(text, ''), ?) AND NOT (${query.sql})`,
					[...texts, regex, ...query.params]
				);
				expect(dropped).toBe(0);
			}),
			{ seed: 20_261_203, numRuns: 300 }
		);
	});
});
