/** Kinds of identifier the anonymizer finds in message text by their shape (names are found by the member list). */
export type IdentifierKind = 'urls' | 'emails' | 'wechat_ids' | 'phones' | 'qq_numbers';

export interface IdentifierPattern {
	kind: IdentifierKind;
	/**
	 * Global, Unicode, matched against `matchingText` (NFKC, no invisible characters). Group `id` is a
	 * match by shape, judged by `accept`; group `context_id` follows a word that says what it is (`QQ:`,
	 * `tel:`, `微信`) and is always replaced.
	 */
	pattern: RegExp;
	placeholder: string;
	/** Passed by every text the pattern matches in (same flags): a text that fails it is not searched with `pattern`. */
	candidate: RegExp;
	/** A second look at a match the pattern alone cannot judge (dates that look like phone numbers). */
	accept?: (id: string) => boolean;
}

const URL_CHARS = String.raw`[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]\\^_a-z{}~]`;
/** A URL in prose does not end with the punctuation after it (`see https://x.org/a.`). */
const URL_END = String.raw`[#$%&*+\-/0-9=@A-Z\\^_a-z~]`;
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** Generic top-level domains seen in chats; every two-letter one (country codes) counts too. */
const TOP_LEVEL_DOMAINS =
	'com|net|org|edu|gov|mil|int|info|biz|name|pro|dev|app|xyz|top|site|link|online|store|shop|tech|blog|page|cloud|club|live|space|website|wiki|icu|vip|work|art|design|news|email|today|world|life|asia|mobi';
/** A host name inside an e-mail address or a longer word is not one. */
const HOST_START = String.raw`(?<![@\p{L}\p{N}_.%+\-])`;
const HOST_END = String.raw`(?![@\p{L}\p{N}_\-]|\.[\p{L}\p{N}])`;
/** Digits glued to these belong to a larger number, a date, a time or a decimal, not to an id. */
const NUMBER_GLUE = String.raw`[\d.,:/\-]`;
/** Whatever people put between a label and its value: `QQ:`, `QQ - `, `tel：`, `微信号是`. */
const SEPARATOR = String.raw`(?:[^\p{L}\p{N}\[]|[是为]){0,4}`;
const DIGITS = String.raw`\+?\d(?:[ \-.()]{0,2}\d){4,14}`;

/**
 * In the order they are applied: URLs and e-mail addresses first (they contain digits and `@`), then
 * WeChat ids, phone numbers, and last any free-standing 5–11 digit number as a possible QQ number.
 * They err on the side of removing: a 6-digit lab value is scrubbed as a QQ number, `notes.md` as a host.
 */
export const IDENTIFIER_PATTERNS: IdentifierPattern[] = [
	{
		kind: 'urls',
		pattern: new RegExp(
			`(?<id>${[
				String.raw`(?:\b(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]):\/\/|\b[Ww]{3}\.)(?:${URL_CHARS}*${URL_END})?`,
				// any host name followed by a path: `budi-portfolio.ai/cv`
				String.raw`${HOST_START}${HOST_LABEL}(?:\.${HOST_LABEL})*\.[A-Za-z]{2,63}\/(?:${URL_CHARS}*${URL_END})?`,
				// a bare host name: `budisantoso.github.io`; a capitalised "top-level domain" is a sentence (`ok.It was`)
				String.raw`${HOST_START}${HOST_LABEL}(?:\.${HOST_LABEL})*\.(?:${TOP_LEVEL_DOMAINS}|[a-z]{2})(?::\d{1,5})?${HOST_END}`
			].join('|')})`,
			'gu'
		),
		placeholder: '[url]',
		candidate: /\.|:\/\//u
	},
	{
		kind: 'emails',
		pattern: /(?<![A-Za-z0-9._%+-])(?<id>(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/gu,
		placeholder: '[email]',
		candidate: /@/u
	},
	{
		kind: 'wechat_ids',
		pattern: new RegExp(
			String.raw`(?<id>\bwxid_[A-Za-z0-9_-]+)|(?<=(?<![A-Za-z])(?:微信号?|wechat|weixin|vx|wx|v信)(?:号|id)?${SEPARATOR})(?<context_id>[A-Za-z][A-Za-z0-9_-]{5,19})(?![A-Za-z0-9_-])`,
			'giu'
		),
		placeholder: '[wechat-id]',
		candidate: /wxid_|微信|wechat|weixin|vx|wx|v信/iu
	},
	{
		kind: 'phones',
		pattern: new RegExp(String.raw`(?<=(?<![A-Za-z])(?:tel|phone|mobile|电话|手机号?|联系电话)(?:号码?)?${SEPARATOR})(?<context_id>${DIGITS})(?!\d)`, 'giu'),
		placeholder: '[phone]',
		candidate: /tel|phone|mobile|电话|手机/iu
	},
	{
		kind: 'phones',
		pattern: /(?<![\dA-Za-z+])(?<id>(?:\+|00|\((?=\d{1,4}\)))?\d(?:[ \u00a0\-.()]{0,2}\d){6,14})(?!\d)/gu,
		placeholder: '[phone]',
		candidate: /\d(?:\D{0,2}\d){6}/u,
		accept: looksLikePhone
	},
	{
		kind: 'qq_numbers',
		pattern: new RegExp(String.raw`(?<=(?<![A-Za-z])(?:qq|q号|扣扣|微信号?|wechat|weixin|vx|wx|v信)(?:群号?|号码?|id)?${SEPARATOR})(?<context_id>${DIGITS})(?!\d)`, 'giu'),
		placeholder: '[qq]',
		candidate: /qq|q号|扣扣|微信|wechat|weixin|vx|wx|v信/iu
	},
	{
		kind: 'qq_numbers',
		pattern: new RegExp(String.raw`(?<!${NUMBER_GLUE})(?<id>[1-9]\d{4,10})(?!\d|[.,:/\-]\d|[A-Za-z])`, 'gu'),
		placeholder: '[qq]',
		candidate: /[1-9]\d{4}/u
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
