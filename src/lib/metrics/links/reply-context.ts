import model from './reply-weights.json';
/** One message as reply inference reads it, in message order. */
export interface ReplyMessage {
	seq: number;
	source_index: number;
	author_id: string;
	/** epoch milliseconds */
	sent_ms: number;
	text: string;
	/** author of the explicit parent (reply_to), when the message has one */
	replied_author_id: string | null;
}

/** A known member name, as it may be written in a text. */
export interface MemberName {
	name: string;
	author_id: string;
}

/** What a message says about another member's name in its text. */
interface Naming {
	author_id: string;
	name: string;
	/** opens the text: `nick:`, `nick,`, `@name`, `回复 昵称：` */
	leading: boolean;
}

/** A candidate parent (or, with `candidate` null, "no parent") and the facts its features were made of. */
export interface ReplyOption {
	candidate: ContextMessage | null;
	features: Float64Array;
	facts: OptionFacts;
}

export interface OptionFacts {
	named: Naming | null;
	/** the candidate named this message's author (or replied to them explicitly) */
	addressed_me: boolean;
	same_author: boolean;
	gap_ms: number;
	shared_words: number;
	greeting: boolean;
}

export interface ContextMessage extends ReplyMessage {
	names: Naming[];
	words: MessageWords;
	question: boolean;
	/** authors this message addresses: named in it, or the author of its explicit parent */
	addressees: Set<string>;
	/** the member it addresses first (named, else the author of its explicit parent) */
	partner_id: string | null;
	/** its place among its source's messages, once added */
	position: number;
	/** a later message of its author has been added (it is no longer its author's latest) */
	superseded: boolean;
}

/** A message's distinct words, sorted by a hash of each, so two messages' shared words are counted in one merge. */
interface MessageWords {
	hashes: Int32Array;
	/** the words, in the order of `hashes` */
	texts: string[];
}

/** The best-scoring option, its place among the options ("no parent" is 0) and how many there were. */
export interface RankedOption {
	option: ReplyOption;
	index: number;
	count: number;
}

/** What `options` and `best` measure every option of one message against. */
interface Scene {
	candidates: ContextMessage[];
	latest: ReadonlyMap<string, ContextMessage>;
	/** the message's place among its source's messages */
	position: number;
	previous: ContextMessage | undefined;
	/** the latest candidate by someone else that addressed this message's author */
	latest_addresser: ContextMessage | undefined;
	/** whom the author's own latest message addressed first */
	my_last_partner: string | null | undefined;
	greeting: boolean;
}

const NO_AUTHORS: ReadonlyMap<string, ContextMessage> = new Map();

/** Feature names in weight order; candidate features are 0 on "no parent" and the reverse. */
export const REPLY_FEATURES = [
	'none',
	'none_greeting',
	'none_names_nobody',
	'none_log_minutes_since_previous',
	'none_question',
	'none_first_in_window',
	'none_log_length',
	'named_latest',
	'named_earlier',
	'named_leading',
	'names_someone_else',
	'addressed_me',
	'latest_to_address_me',
	'same_author',
	'same_author_names_nobody',
	'same_author_log_minutes',
	'log_distance',
	'adjacent',
	'log_minutes',
	'author_latest',
	'log_shared_words',
	'candidate_question',
	'candidate_question_answer',
	'my_last_partner',
	'candidate_addresses_other',
	'named_and_addressed_me'
] as const;

/** What ReplyContext needs besides the member names. */
export interface ReplyContextOptions {
	max_candidates: number;
	window_ms: number;
	/** share of the training messages that name another member (scripts/train-reply-model.ts measures it) */
	naming_share: number;
}

/**
 * Candidates: the previous 50 messages of the source sent under 60 minutes before (named members' latest
 * messages at any distance); the naming share of the IRC the weights were fitted on.
 */
export const REPLY_CONTEXT_OPTIONS: ReplyContextOptions = { max_candidates: 50, window_ms: 60 * 60_000, naming_share: model.naming_share };

/** A source's naming habit starts at the training corpus's, as if 50 messages like it had been read. */
const PRIOR_MESSAGES = 50;

const F = Object.fromEntries(REPLY_FEATURES.map((name, index) => [name, index])) as Record<(typeof REPLY_FEATURES)[number], number>;
/** The "no parent" features come first in REPLY_FEATURES, the candidates' after them. */
const FIRST_CANDIDATE_FEATURE = F.named_latest;

const WORD = /[\p{L}\p{N}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKENS = /[\p{Script=Han}]+|[\p{L}\p{N}_'-]+/gu;
const GREETING = /^(hi|hello|hey|hiya|howdy|morning|good (morning|afternoon|evening)|anyone|anybody|is there anyone|大家好|你好|各位|请问|早上好|晚上好|嗨)\b/iu;
const QUESTION_WORDS = ['怎么', '什么', '如何', '是否', '能不能', '可不可以', '有没有'];
const TRAILING = /[。！!\s]/u;
const STOPWORDS = new Set(
	'about above after again also anyone anything because been before being both but came come could does doing done dont down each else even ever from have having here into just know like make many more most much need only other over really same should some such than that thats their them then there these they thing think this those through trying very want well were what when where which while will with would your yours youre thanks thank please yeah okay sure still'.split(
		' '
	)
);

/**
 * The previous messages of each source, seen by reply inference: for each new message, the candidate
 * parents (the previous `max_candidates` messages of its source within `window_ms`, plus the latest
 * message of every member it names) and a "no parent" option, each with its feature vector.
 */
export class ReplyContext {
	readonly #names = new Map<string, string>();
	readonly #lengths_by_first = new Map<string, number[]>();
	readonly #windows = new Map<number, ContextMessage[]>();
	readonly #added = new Map<number, number>();
	readonly #latest_by_author = new Map<number, Map<string, ContextMessage>>();
	/** per source: messages added so far, and how many of them named someone */
	readonly #naming = new Map<number, { added: number; named: number }>();
	readonly #max_candidates: number;
	readonly #window_ms: number;
	readonly #naming_share: number;

	constructor(names: readonly MemberName[], options: ReplyContextOptions) {
		for (const { name, author_id } of names) {
			const key = name.trim().toLowerCase();
			if (key === '' || this.#names.has(key)) continue;
			this.#names.set(key, author_id);
			const lengths = this.#lengths_by_first.get(key[0]) ?? [];
			if (!lengths.includes(key.length)) lengths.push(key.length);
			this.#lengths_by_first.set(key[0], lengths.sort((a, b) => b - a));
		}
		this.#max_candidates = options.max_candidates;
		this.#window_ms = options.window_ms;
		this.#naming_share = options.naming_share;
	}

	/** Reads a message: its names, words and cues, ready to be given options and then added. */
	read(message: ReplyMessage): ContextMessage {
		const names = this.#namings(message.text, message.author_id);
		const addressees = new Set(names.map((naming) => naming.author_id));
		if (message.replied_author_id !== null && message.replied_author_id !== message.author_id) addressees.add(message.replied_author_id);
		const partner_id = names[0]?.author_id ?? (message.replied_author_id !== message.author_id ? message.replied_author_id : null);
		return {
			seq: message.seq,
			source_index: message.source_index,
			author_id: message.author_id,
			sent_ms: message.sent_ms,
			text: message.text,
			replied_author_id: message.replied_author_id,
			names,
			words: words(message.text),
			question: isQuestion(message.text),
			addressees,
			partner_id,
			position: -1,
			superseded: false
		};
	}

	/** The options for a message read with `read`: "no parent" first, then candidates, latest first. */
	options(message: ContextMessage): ReplyOption[] {
		const scene = this.#scene(message);
		const options = [this.#option(message, scene, null, new Float64Array(REPLY_FEATURES.length))];
		for (const candidate of scene.candidates) options.push(this.#option(message, scene, candidate, new Float64Array(REPLY_FEATURES.length)));
		return options;
	}

	/**
	 * The option `weights` score highest (ties: "no parent", then the latest candidate), as `options` would give
	 * it, with its place among them and how many there were; the others are scored in one reused array.
	 */
	best(message: ContextMessage, weights: Float64Array): RankedOption {
		const scene = this.#scene(message);
		// A candidate's features leave the "no parent" ones 0 and set all of their own, so one array serves every
		// candidate without clearing, and its score needs only its own features (the same sum, bit for bit).
		const x = new Float64Array(REPLY_FEATURES.length);
		this.#noneFeatures(message, scene, x);
		let best_score = 0;
		for (let feature = 0; feature < FIRST_CANDIDATE_FEATURE; feature++) best_score += weights[feature] * x[feature];
		let best: ContextMessage | null = null;
		let best_index = 0;
		x.fill(0, 0, FIRST_CANDIDATE_FEATURE);
		for (let index = 0; index < scene.candidates.length; index++) {
			this.#candidateFeatures(message, scene, scene.candidates[index], x);
			let score = 0;
			for (let feature = FIRST_CANDIDATE_FEATURE; feature < weights.length; feature++) score += weights[feature] * x[feature];
			if (score > best_score) {
				best = scene.candidates[index];
				best_index = index + 1;
				best_score = score;
			}
		}
		return { option: this.#option(message, scene, best, x.fill(0)), index: best_index, count: scene.candidates.length + 1 };
	}

	/** What every option of a message is measured against: its candidates and who addressed whom among them. */
	#scene(message: ContextMessage): Scene {
		const window = this.#windows.get(message.source_index) ?? [];
		const latest = this.#latest_by_author.get(message.source_index) ?? NO_AUTHORS;
		const candidates: ContextMessage[] = [];
		for (let index = window.length - 1; index >= 0 && candidates.length < this.#max_candidates; index--) {
			if (message.sent_ms - window[index].sent_ms >= this.#window_ms) break;
			candidates.push(window[index]);
		}
		for (const naming of message.names) {
			const named_latest = latest.get(naming.author_id);
			if (named_latest && !candidates.includes(named_latest)) candidates.push(named_latest);
		}
		return {
			candidates,
			latest,
			position: this.#added.get(message.source_index) ?? 0,
			previous: window.at(-1),
			latest_addresser: candidates.find((candidate) => candidate.addressees.has(message.author_id) && candidate.author_id !== message.author_id),
			my_last_partner: latest.get(message.author_id)?.partner_id,
			greeting: GREETING.test(message.text.trim())
		};
	}

	#option(message: ContextMessage, scene: Scene, candidate: ContextMessage | null, x: Float64Array): ReplyOption {
		if (candidate === null) {
			this.#noneFeatures(message, scene, x);
			return { candidate, features: x, facts: { named: null, addressed_me: false, same_author: false, gap_ms: 0, shared_words: 0, greeting: scene.greeting } };
		}
		const { named, addressed_me, same_author, gap_ms, shared_words } = this.#candidateFeatures(message, scene, candidate, x);
		return { candidate, features: x, facts: { named, addressed_me, same_author, gap_ms, shared_words, greeting: false } };
	}

	/** Writes the "no parent" features into `x` (zeroed). */
	#noneFeatures(message: ContextMessage, scene: Scene, x: Float64Array): void {
		const own_earlier = scene.candidates.some((candidate) => candidate.author_id === message.author_id);
		x[F.none] = 1;
		x[F.none_greeting] = scene.greeting ? 1 : 0;
		x[F.none_names_nobody] = message.names.length === 0 ? this.#namingHabit(message.source_index) : 0;
		x[F.none_log_minutes_since_previous] = scene.previous ? logMinutes(message.sent_ms - scene.previous.sent_ms) : logMinutes(this.#window_ms);
		x[F.none_question] = message.question ? 1 : 0;
		x[F.none_first_in_window] = own_earlier ? 0 : 1;
		x[F.none_log_length] = Math.log1p(message.text.length);
	}

	/** Writes a candidate's features into `x` (zeroed) and returns the facts they were made of. */
	#candidateFeatures(message: ContextMessage, scene: Scene, candidate: ContextMessage, x: Float64Array): Omit<OptionFacts, 'greeting'> {
		const named = message.names.find((naming) => naming.author_id === candidate.author_id) ?? null;
		const is_latest = !candidate.superseded;
		const same_author = candidate.author_id === message.author_id;
		const addressed_me = !same_author && candidate.addressees.has(message.author_id);
		const gap_ms = message.sent_ms - candidate.sent_ms;
		const distance = scene.position - candidate.position;
		const shared_words = sharedCount(message.words, candidate.words);
		const log_minutes = logMinutes(gap_ms);
		x[F.named_latest] = named && is_latest ? 1 : 0;
		x[F.named_earlier] = named && !is_latest ? 1 : 0;
		x[F.named_leading] = named?.leading ? 1 : 0;
		x[F.names_someone_else] = !named && message.names.length > 0 ? 1 : 0;
		x[F.addressed_me] = addressed_me ? 1 : 0;
		x[F.latest_to_address_me] = candidate === scene.latest_addresser ? 1 : 0;
		x[F.same_author] = same_author ? 1 : 0;
		x[F.same_author_names_nobody] = same_author && message.names.length === 0 ? 1 : 0;
		x[F.same_author_log_minutes] = same_author ? log_minutes : 0;
		x[F.log_distance] = Math.log1p(Math.max(distance, 1) - 1);
		x[F.adjacent] = candidate === scene.previous ? 1 : 0;
		x[F.log_minutes] = log_minutes;
		x[F.author_latest] = is_latest ? 1 : 0;
		x[F.log_shared_words] = Math.log1p(shared_words);
		x[F.candidate_question] = candidate.question ? 1 : 0;
		x[F.candidate_question_answer] = candidate.question && !message.question ? 1 : 0;
		x[F.my_last_partner] = !same_author && scene.my_last_partner === candidate.author_id ? 1 : 0;
		x[F.candidate_addresses_other] = candidate.addressees.size > 0 && !candidate.addressees.has(message.author_id) ? 1 : 0;
		x[F.named_and_addressed_me] = named && addressed_me ? 1 : 0;
		return { named, addressed_me, same_author, gap_ms, shared_words };
	}

	/**
	 * How far "names nobody" says "starts a conversation" here: 1 where people name whom they answer as often as
	 * on the IRC the weights were fitted on, less where they seldom do (a reply that names nobody is then the
	 * norm, not a sign of a new topic). The source's own share so far, pulled towards IRC's by 50 messages.
	 */
	#namingHabit(source_index: number): number {
		const { added, named } = this.#naming.get(source_index) ?? { added: 0, named: 0 };
		return Math.min(1, (named + PRIOR_MESSAGES * this.#naming_share) / (added + PRIOR_MESSAGES) / this.#naming_share);
	}

	/** Adds a read message as a candidate for later ones. */
	add(message: ContextMessage): void {
		const naming = this.#naming.get(message.source_index) ?? { added: 0, named: 0 };
		naming.added++;
		if (message.names.length > 0) naming.named++;
		this.#naming.set(message.source_index, naming);
		message.position = this.#added.get(message.source_index) ?? 0;
		this.#added.set(message.source_index, message.position + 1);
		let window = this.#windows.get(message.source_index);
		if (!window) this.#windows.set(message.source_index, (window = []));
		window.push(message);
		// keep the array short without shifting it on every message
		if (window.length > 4 * this.#max_candidates) window.splice(0, window.length - this.#max_candidates);
		let latest = this.#latest_by_author.get(message.source_index);
		if (!latest) this.#latest_by_author.set(message.source_index, (latest = new Map()));
		const previous_own = latest.get(message.author_id);
		if (previous_own) previous_own.superseded = true;
		latest.set(message.author_id, message);
	}

	#namings(text: string, author_id: string): Naming[] {
		const lower = text.toLowerCase();
		const [prefix] = /^\s*(?:回复\s*)?@?/u.exec(lower)!;
		const opening = prefix.length;
		const marked = prefix.trim() !== '';
		const found: Naming[] = [];
		for (let at = 0; at < lower.length; at++) {
			const lengths = this.#lengths_by_first.get(lower[at]);
			if (lengths === undefined) continue;
			const before = at === 0 ? '' : lower[at - 1];
			const via_at = before === '@';
			if (!(at === opening || via_at || before === '' || !WORD.test(before) || CJK.test(before))) continue;
			for (const length of lengths) {
				if (at + length > lower.length) continue;
				const after = lower[at + length] ?? '';
				if (after !== '' && WORD.test(after) && !CJK.test(after)) continue;
				const key = lower.slice(at, at + length);
				const named = this.#names.get(key);
				if (named === undefined) continue;
				const leading = at === opening && (marked || /^\s*[:,：，]/u.test(lower.slice(at + length)));
				// Outside an @ or the opening, a one-letter name is too often a word.
				if (!leading && !via_at && length < 2) break;
				if (named !== author_id && !found.some((naming) => naming.author_id === named)) found.push({ author_id: named, name: text.slice(at, at + length), leading });
				at += length - 1;
				break;
			}
		}
		return found;
	}
}

function logMinutes(ms: number): number {
	return Math.log1p(Math.max(ms, 0) / 60_000);
}

/** Whether a text asks: `?`/`？`, a question word, or 吗/呢/么 at its end (before closing marks and spaces). */
function isQuestion(text: string): boolean {
	if (text.includes('?') || text.includes('？') || QUESTION_WORDS.some((word) => text.includes(word))) return true;
	let end = text.length;
	while (end > 0 && TRAILING.test(text[end - 1])) end--;
	return end > 0 && '吗呢么'.includes(text[end - 1]);
}

/** How many words two messages share: a merge of their sorted hashes, each equal hash checked on the words. */
function sharedCount(mine: MessageWords, theirs: MessageWords): number {
	const a = mine.hashes;
	const b = theirs.hashes;
	let shared = 0;
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] < b[j]) i++;
		else if (a[i] > b[j]) j++;
		else {
			// the words of one hash on each side (almost always one word each)
			const hash = a[i];
			let i_end = i;
			while (i_end < a.length && a[i_end] === hash) i_end++;
			let j_end = j;
			while (j_end < b.length && b[j_end] === hash) j_end++;
			for (let x = i; x < i_end; x++) for (let y = j; y < j_end; y++) if (mine.texts[x] === theirs.texts[y]) shared++;
			i = i_end;
			j = j_end;
		}
	}
	return shared;
}

function words(text: string): MessageWords {
	const found: string[] = [];
	for (const [token] of text.toLowerCase().matchAll(TOKENS)) {
		if (CJK.test(token[0])) {
			for (let index = 0; index + 1 < token.length; index++) found.push(token.slice(index, index + 2));
		} else if (token.length >= 4 && !STOPWORDS.has(token)) {
			found.push(token);
		}
	}
	return found.length <= INSERTION_SORTED_WORDS ? insertionSorted(found) : hashSorted(found);
}

/** Up to this many words, sorting by insertion allocates least; past it, its square would show. */
const INSERTION_SORTED_WORDS = 64;

function insertionSorted(found: readonly string[]): MessageWords {
	const texts: string[] = [];
	const hashes: number[] = [];
	next: for (const word of found) {
		const hash = fnv1a(word);
		let at = hashes.length;
		while (at > 0 && hashes[at - 1] > hash) at--;
		for (let same = at - 1; same >= 0 && hashes[same] === hash; same--) if (texts[same] === word) continue next;
		texts.splice(at, 0, word);
		hashes.splice(at, 0, hash);
	}
	return { hashes: Int32Array.from(hashes), texts };
}

function hashSorted(found: readonly string[]): MessageWords {
	const texts = [...new Set(found)];
	const hashes = Int32Array.from(texts, fnv1a);
	const order = Array.from(texts.keys()).sort((x, y) => hashes[x] - hashes[y]);
	return { hashes: Int32Array.from(order, (index) => hashes[index]), texts: order.map((index) => texts[index]) };
}

/** 32-bit FNV-1a of a word's UTF-16 code units. */
function fnv1a(word: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
	return hash | 0;
}
