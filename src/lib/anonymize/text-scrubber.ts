import type { AnonymizeOptions } from './anonymize-options';
import { IDENTIFIER_PATTERNS, type IdentifierKind } from './identifier-patterns';
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
	const squeezed = new Map<string, string>();
	for (const person of people) {
		for (const value of [...person.names, ...person.ids]) {
			const key = cleanName(value).toLowerCase();
			if (key !== '') assignCode(whole, key, person.code);
			if (squeeze(key) !== '') assignCode(squeezed, squeeze(key), person.code);
		}
	}
	const name_keys = new Set(people.flatMap((person) => person.names.map((name) => cleanName(name).toLowerCase())));
	// A 1-character name (`A`) or a 1–2 character id would replace ordinary words and numbers; after an @ they still count.
	const long_enough = [...whole.keys()].filter((key) => {
		const length = [...key].length;
		return length >= MIN_NAME_CHARS && (length >= MIN_ID_CHARS || name_keys.has(key));
	});
	const names_pattern = new RegExp(`(?<at>@)?(?<name>${literalTriePattern(long_enough)})|${HANDLE}`, 'giu');

	const parts = new Map<string, string>();
	for (const person of people) {
		for (const raw_name of person.names) {
			const name = cleanName(raw_name);
			if (!PERSON_NAME.test(name)) continue;
			for (const part of name.split(' ')) {
				const bare = part.replace(/[.'’-]+$/u, '');
				if ([...bare].length < MIN_PART_LETTERS || whole.has(bare.toLowerCase())) continue;
				assignCode(parts, bare, person.code);
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

	const identifier = (kind: IdentifierKind) => IDENTIFIER_PATTERNS.find((pattern) => pattern.kind === kind)!;
	const scrubIdentifiers = (text: string, kind: IdentifierKind): string => {
		const { pattern, placeholder, accept } = identifier(kind);
		return text.replace(pattern, (...args) => {
			const groups = args.at(-1) as Record<string, string | undefined>;
			const id = groups.id ?? groups.context_id ?? '';
			if (accept && !accept(id)) return args[0] as string;
			counts[kind]++;
			return (groups.keep ?? '') + placeholder;
		});
	};

	return {
		counts,
		unknown_mentions,
		scrub(text: string): string {
			let result = text;
			if (options.scrub_urls) result = scrubIdentifiers(result, 'urls');
			if (options.scrub_emails) result = scrubIdentifiers(result, 'emails');
			if (options.scrub_names_in_text) {
				result = result.replace(names_pattern, (...args) => {
					const groups = args.at(-1) as Record<string, string | undefined>;
					if (groups.handle !== undefined) {
						counts.mentions++;
						return `@${mentionCode(groups.handle)}`;
					}
					counts.names++;
					const name = groups.name as string;
					return (groups.at ?? '') + (whole.get(name.toLowerCase()) ?? AMBIGUOUS);
				});
				if (options.scrub_name_parts && parts.size > 0) {
					result = result.replace(parts_pattern, (part) => {
						counts.names++;
						return parts.get(part) ?? AMBIGUOUS;
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

/** A name as people type it: without direction marks, emoji variation selectors and doubled spaces. */
function cleanName(name: string): string {
	return name.replace(/[\p{Cf}\uFE0E\uFE0F]/gu, '').replace(/\s+/gu, ' ').trim();
}

/** Letters and digits only, for matching a handle against a full name. */
function squeeze(key: string): string {
	return key.replace(/[^\p{L}\p{N}]/gu, '');
}
