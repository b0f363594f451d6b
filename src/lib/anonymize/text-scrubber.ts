import type { AnonymizeOptions } from './anonymize-options';
import { matchingText, type MatchingText } from '../ingest/text/matching-text';
import { IDENTIFIER_PATTERNS, type IdentifierKind, type IdentifierPattern } from './identifier-patterns';
import { literalTriePattern } from './literal-trie-pattern';

/** A member whose names and ids are looked for in text. */
export interface KnownPerson {
	code: string;
	/** Every display name the member used (matched ignoring case). */
	names: string[];
	/** Platform ids (QQ number, `user123`, `U024BE7LH`, e-mail…), matched ignoring case. */
	ids: string[];
}

/**
 * Replacements by kind. `names`: known names and ids (also right after an @), and name parts; `mentions`:
 * @handles found by lookup instead (`@RonnyGunawan`, 1-character names, people who never posted).
 */
export type ScrubCounts = Record<'names' | 'mentions' | IdentifierKind, number>;

export interface TextScrubber {
	scrub(text: string): string;
	/** Replacements made so far, by kind. */
	counts: ScrubCounts;
	/** `@handles` that name no known member, each given its own code, in order of first appearance. */
	unknown_mentions: { code: string; handle: string }[];
}

const PATTERNS_BY_KIND = new Map<IdentifierKind, IdentifierPattern[]>(IDENTIFIER_PATTERNS.map((pattern) => [pattern.kind, IDENTIFIER_PATTERNS.filter((other) => other.kind === pattern.kind)]));
/** Stands for a name two members share: no code can be given without guessing. */
const AMBIGUOUS = '[name]';
const MIN_NAME_CHARS = 2;
const MIN_ID_CHARS = 3;
const MIN_PART_LETTERS = 3;
const HANDLE = String.raw`(?<![\p{L}\p{M}\p{N}_.+\-/@])@(?<handle>[\p{L}\p{M}\p{N}_]+(?:\.[\p{L}\p{M}\p{N}_]+)*)`;
/** A name shaped like a person's: 2–4 capitalised words (`Budi Santoso`, `Prof. Oak`). */
const PERSON_NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;

/**
 * Replaces, in this order: URLs and e-mail addresses; known names, ids and `@mentions` (longest first,
 * whole words, CJK names inside running text); unique capitalised name parts; WeChat ids, phone numbers
 * and QQ numbers. Each step is a choice in `options`. `newCode` hands out codes for unknown mentions.
 */
export function textScrubber(people: readonly KnownPerson[], options: AnonymizeOptions, newCode: () => string): TextScrubber {
	const counts: ScrubCounts = { names: 0, mentions: 0, urls: 0, emails: 0, wechat_ids: 0, phones: 0, qq_numbers: 0 };
	const unknown_mentions: { code: string; handle: string }[] = [];
	const unknown_codes = new Map<string, string>();

	const whole = new Map<string, string>();
	// Names that look the same once normalised (`Budi\u200b Santoso`, `Ｂｕｄｉ Santoso`) are told apart by their exact spelling.
	const exact = new Map<string, string>();
	const squeezed = new Map<string, string>();
	for (const person of people) {
		for (const value of [...person.names, ...person.ids]) {
			const key = cleanName(value).toLowerCase();
			if (key !== '') assignCode(whole, key, person.code);
			if (key !== '') assignCode(exact, spelling(value), person.code);
			if (squeeze(key) !== '') assignCode(squeezed, squeeze(key), person.code);
		}
	}
	const codeOfName = (key: string, original: string): string => {
		const code = whole.get(key) ?? AMBIGUOUS;
		return code === AMBIGUOUS ? (exact.get(spelling(original)) ?? AMBIGUOUS) : code;
	};
	const name_keys = new Set(people.flatMap((person) => person.names.map((name) => cleanName(name).toLowerCase())));
	// A 1-character name (`A`) or a 1–2 character id would replace ordinary words and numbers; after an @ they still count.
	const long_enough = [...whole.keys()].filter((key) => {
		const length = [...key].length;
		return length >= MIN_NAME_CHARS && (length >= MIN_ID_CHARS || name_keys.has(key));
	});
	const names_pattern = new RegExp(`(?<at>@)?(?<name>${literalTriePattern(long_enough)})|${HANDLE}`, 'giu');

	const parts = new Map<string, string>();
	const exact_parts = new Map<string, string>();
	for (const person of people) {
		for (const raw_name of person.names) {
			const name = cleanName(raw_name);
			if (!PERSON_NAME.test(name)) continue;
			const raw_parts = raw_name.trim().split(/\s+/u);
			for (const [index, part] of name.split(' ').entries()) {
				const bare = part.replace(/[.'’-]+$/u, '');
				if ([...bare].length < MIN_PART_LETTERS || whole.has(bare.toLowerCase())) continue;
				assignCode(parts, bare, person.code);
				if (raw_parts.length === name.split(' ').length) assignCode(exact_parts, raw_parts[index].replace(/[.'’-]+$/u, ''), person.code);
			}
		}
	}
	const parts_pattern = new RegExp(literalTriePattern(parts.keys()), 'gu');

	// `@RonnyGunawan`, `@ronny_gunawan` and `@447700900123` name `Ronny Gunawan` and `+44 7700 900123`.
	const mentionCode = (handle: string): string => {
		const key = handle.toLowerCase();
		const known = whole.get(key) ?? parts.get(handle) ?? squeezed.get(squeeze(key));
		if (known !== undefined) return known;
		let code = unknown_codes.get(key);
		if (code === undefined) {
			code = newCode();
			unknown_codes.set(key, code);
			unknown_mentions.push({ code, handle });
		}
		return code;
	};

	const scrubIdentifiers = (text: string, kind: IdentifierKind): string => {
		let result = text;
		for (const { pattern, placeholder, candidate, accept } of PATTERNS_BY_KIND.get(kind)!) {
			if (!candidate.test(lastMatchingText(result).text)) continue;
			result = replaceMatching(result, pattern, (match) => {
				if (match.groups?.id !== undefined && accept && !accept(match.groups.id)) return null;
				counts[kind]++;
				return placeholder;
			});
		}
		return result;
	};

	return {
		counts,
		unknown_mentions,
		scrub(text: string): string {
			let result = text;
			if (options.scrub_urls) result = scrubIdentifiers(result, 'urls');
			if (options.scrub_emails) result = scrubIdentifiers(result, 'emails');
			if (options.scrub_names_in_text) {
				result = replaceMatching(result, names_pattern, (match, original) => {
					const groups = match.groups!;
					if (groups.handle !== undefined) {
						counts.mentions++;
						return `@${mentionCode(groups.handle)}`;
					}
					counts.names++;
					const at = groups.at ?? '';
					return at + codeOfName((groups.name as string).toLowerCase(), original.slice(original.indexOf(at) + at.length));
				});
				if (options.scrub_name_parts && parts.size > 0) {
					result = replaceMatching(result, parts_pattern, (match, original) => {
						counts.names++;
						const code = parts.get(match[0]) ?? AMBIGUOUS;
						return code === AMBIGUOUS ? (exact_parts.get(original) ?? AMBIGUOUS) : code;
					});
				}
			}
			if (options.scrub_platform_ids) result = scrubIdentifiers(result, 'wechat_ids');
			if (options.scrub_phones) result = scrubIdentifiers(result, 'phones');
			if (options.scrub_platform_ids) result = scrubIdentifiers(result, 'qq_numbers');
			return result;
		}
	};
}

/** Two members with the same name or name part get neither code for it, but AMBIGUOUS. */
function assignCode(codes: Map<string, string>, key: string, code: string): void {
	const existing = codes.get(key);
	codes.set(key, existing === undefined || existing === code ? code : AMBIGUOUS);
}

/** A name as people read it: normalised (matchingText), single spaces. */
function cleanName(name: string): string {
	return matchingText(name).text.replace(/\s+/gu, ' ').trim();
}

/** A name exactly as typed, but for case and spacing. */
function spelling(name: string): string {
	return name.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Letters and digits only, for matching a handle against a full name. */
function squeeze(key: string): string {
	return key.replace(/[^\p{L}\p{N}]/gu, '');
}

let last_view: { text: string; view: MatchingText } | null = null;
/** The scrubber's passes mostly leave a text as it was: its matchingText is worked out once, not once per pass. */
function lastMatchingText(text: string): MatchingText {
	if (last_view?.text !== text) last_view = { text, view: matchingText(text) };
	return last_view.view;
}

/**
 * Replaces the matches of `pattern` in `matchingText(text)`, each in the range of `text` it came from;
 * `replacement` gets the match and that original range, and returns null to keep it.
 */
function replaceMatching(text: string, pattern: RegExp, replacement: (match: RegExpMatchArray, original: string) => string | null): string {
	const view = lastMatchingText(text);
	let result = '';
	let last = 0;
	// exec on the pattern itself: matchAll would copy the pattern and make an iterator for every text.
	pattern.lastIndex = 0;
	for (let match = pattern.exec(view.text); match !== null; match = pattern.exec(view.text)) {
		if (match[0] === '') pattern.lastIndex += (view.text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
		const [from, to] = view.original(match.index, match.index + match[0].length);
		if (from < last) continue;
		const replaced = replacement(match, text.slice(from, to));
		if (replaced === null) continue;
		result += text.slice(last, from) + replaced;
		last = to;
	}
	return result + text.slice(last);
}
