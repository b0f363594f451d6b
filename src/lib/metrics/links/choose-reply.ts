import { REPLY_FEATURES, type ContextMessage, type RankedOption } from './reply-context';
import weights_by_name from './reply-weights.json';

/** An inferred parent (null: none), the rule that names how it was found, and a sentence saying why. */
export interface ReplyChoice {
	parent: ContextMessage | null;
	rule: 'mention' | 'continuation' | 'context' | 'none';
	reason: string;
}

/** The logistic ranking model's weights, in REPLY_FEATURES order (fitted by scripts/train-reply-model.ts). */
export const REPLY_WEIGHTS = Float64Array.from(REPLY_FEATURES, (name) => (weights_by_name as Record<string, number>)[name] ?? 0);

/**
 * Says how the best option of the logistic ranking model (ReplyContext.best with REPLY_WEIGHTS) was found, in words a
 * reader can check.
 */
export function chooseReply(ranked: RankedOption, author_name: (author_id: string) => string, window_minutes: number): ReplyChoice {
	const { candidate, facts } = ranked.option;
	if (candidate === null) {
		const why = ranked.count === 1 ? `no earlier message within ${window_minutes} min` : facts.greeting ? 'greets the room' : 'no earlier message fits better';
		return { parent: null, rule: 'none', reason: why };
	}
	const ago = duration(facts.gap_ms);
	const name = author_name(candidate.author_id);
	if (facts.same_author) return { parent: candidate, rule: 'continuation', reason: `same author ${ago} earlier` };
	if (facts.named) return { parent: candidate, rule: 'mention', reason: `names ${facts.named.name}` };
	if (facts.addressed_me) return { parent: candidate, rule: 'context', reason: `${name} addressed this author ${ago} before` };
	if (ranked.index === 1) return { parent: candidate, rule: 'context', reason: `previous message, ${ago} earlier` };
	if (facts.shared_words > 0) return { parent: candidate, rule: 'context', reason: `shares ${facts.shared_words} word${facts.shared_words > 1 ? 's' : ''} with ${name}'s message ${ago} earlier` };
	return { parent: candidate, rule: 'context', reason: `${name}'s message ${ago} earlier` };
}

function duration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.round(seconds / 60);
	return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}
