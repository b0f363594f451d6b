import type { Db } from '../../db/db';
import { readMessageQuery, type MessageQueryParts } from './read-message-query';

/** A search typed by a person, checked and ready to filter messages in SQL. */
export interface MessageQuery extends MessageQueryParts {
	/** A SQL condition on the column `text` with `?` placeholders, bound in order by `params`. */
	sql: string;
	params: string[];
}

/** A query that cannot be run, with the reason in words for the person who typed it. */
export class MessageQueryError extends Error {
	override name = 'MessageQueryError';
}

/**
 * Parses `input` (words and "quoted phrases", or a regular expression written `/…/`, `/…/i`, or given with
 * `regex: true`) and checks a regular expression with the database that will run it, whose RE2 syntax is
 * not JavaScript's (no look-arounds, no back-references).
 */
export async function messageQuery(db: Db, input: string, options: { regex?: boolean } = {}): Promise<MessageQuery> {
	const { words, phrases, pattern } = readMessageQuery(input, options);
	if (pattern !== null) {
		if (pattern === '') throw new MessageQueryError('the regular expression is empty');
		try {
			await db.query(`SELECT regexp_matches('', ?)`, [pattern]);
		} catch (error) {
			const reason = (error instanceof Error ? error.message : String(error)).replace(/^.*Error: /s, '');
			throw new MessageQueryError(`invalid regular expression /${pattern}/: ${reason}`);
		}
		return { words, phrases, pattern, sql: `regexp_matches(coalesce(text, ''), ?)`, params: [pattern] };
	}
	if (words.length === 0 && phrases.length === 0) throw new MessageQueryError('the query has no words to look for');
	const conditions: string[] = [];
	const params: string[] = [];
	for (const word of words) {
		// RE2's (?i) on the escaped word is about 3× faster than lower(text) at 1M messages; a word without
		// upper and lower case (Chinese, digits) needs neither.
		const has_case = word.toLowerCase() !== word.toUpperCase();
		conditions.push(has_case ? `regexp_matches(coalesce(text, ''), ?)` : `contains(coalesce(text, ''), ?)`);
		params.push(has_case ? '(?i)' + word.replace(/[^\w\u0080-\u{10ffff}]/gu, '\\$&') : word);
	}
	for (const phrase of phrases) {
		conditions.push(`contains(coalesce(text, ''), ?)`);
		params.push(phrase);
	}
	return { words, phrases, pattern: null, sql: `(${conditions.join(' AND ')})`, params };
}
