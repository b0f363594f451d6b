/** Kinds of identifier the anonymizer finds in message text by their shape (names are found by the member list). */
export type IdentifierKind = 'urls' | 'emails' | 'wechat_ids' | 'phones' | 'qq_numbers';

export interface IdentifierPattern {
	kind: IdentifierKind;
	/** Global, Unicode. Group `keep` (when present) is context that stays; group `id` is what gets replaced. */
	pattern: RegExp;
	placeholder: string;
	/** A second look at a match the pattern alone cannot judge (dates that look like phone numbers). */
	accept?: (id: string) => boolean;
}

const URL_CHARS = String.raw`[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]\\^_a-z{}~]`;
/** A URL in prose does not end with the punctuation after it (`see https://x.org/a.`). */
const URL_END = String.raw`[#$%&*+\-/0-9=@A-Z\\^_a-z~]`;
const BARE_DOMAIN_TLDS = 'com|net|org|edu|gov|io|cn|me|co|info|dev|app|xyz|top|ly|gl|cc|tv|uk|de|id|jp|ru|us|site|link';
/** Digits glued to these belong to a larger number, a date, a time or a decimal, not to an id. */
const NUMBER_GLUE = String.raw`[\d.,:/\-]`;

/**
 * In the order they are applied: URLs and e-mail addresses first (they contain digits and `@`), then
 * WeChat ids, phone numbers, and last any free-standing 5–11 digit number as a possible QQ number.
 * They err on the side of removing: a 6-digit lab value is scrubbed as a QQ number.
 */
export const IDENTIFIER_PATTERNS: IdentifierPattern[] = [
	{
		kind: 'urls',
		pattern: new RegExp(
			String.raw`(?<id>(?:\b(?:https?|ftp):\/\/|\bwww\.)(?:${URL_CHARS}*${URL_END})?|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:${BARE_DOMAIN_TLDS})\/(?:${URL_CHARS}*${URL_END})?)`,
			'giu'
		),
		placeholder: '[url]'
	},
	{
		kind: 'emails',
		pattern: /(?<![A-Za-z0-9._%+-])(?<id>(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/gu,
		placeholder: '[email]'
	},
	{
		kind: 'wechat_ids',
		pattern: /(?<id>\bwxid_[A-Za-z0-9_-]+)|(?<keep>(?<![A-Za-z])(?:微信号?|wechat|weixin|vx|wx|v信)\s*(?:号|id)?\s*[:：是为]?\s*)(?<context_id>[A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-])/giu,
		placeholder: '[wechat-id]'
	},
	{
		kind: 'phones',
		pattern: /(?<![\dA-Za-z+])(?<id>(?:\+|00|\((?=\d{1,4}\)))?\d(?:[ \u00a0\-.()]{0,2}\d){6,14})(?!\d)/gu,
		placeholder: '[phone]',
		accept: looksLikePhone
	},
	{
		kind: 'qq_numbers',
		pattern: new RegExp(String.raw`(?<!${NUMBER_GLUE})(?<id>[1-9]\d{4,10})(?!\d|[.,:/\-]\d|[A-Za-z])`, 'gu'),
		placeholder: '[qq]'
	}
];

function looksLikePhone(candidate: string): boolean {
	const digits = candidate.replace(/\D/g, '');
	if (digits.length < 7 || digits.length > 15) return false;
	if (/^(?:\+|00)/.test(candidate)) return true;
	if (/^\d+$/.test(candidate)) return digits.length >= 10;
	// dates (2020-09-01, 01.09.2020) with or without a time after them, decimals, thousands, year ranges, lists
	if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}/.test(candidate) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}(?!\d)/.test(candidate)) return false;
	if (/^\d+\.\d+$/.test(candidate) || /^\d{1,3}(?:[.,]\d{3})+$/.test(candidate) || /^\d{4}\s*-\s*\d{4}$/.test(candidate)) return false;
	if (/\./.test(candidate) && /\s/.test(candidate)) return false;
	return candidate
		.split(/[^\d]+/)
		.filter((group) => group !== '')
		.slice(1)
		.every((group) => group.length >= 2);
}
