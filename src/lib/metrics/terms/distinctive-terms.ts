/** A term of a group with its count there and its z-score of weighted log-odds against the rest of the corpus. */
export interface DistinctiveTerm {
	term: string;
	count: number;
	score: number;
}

export interface DistinctiveTermsOptions {
	/** How many terms to keep, best first. */
	top?: number;
	/** Fewest uses of a term inside the group: rarer terms say little about a period however high they score. */
	min_count?: number;
}

/**
 * The terms used more in `group` than in the rest of `corpus` (which contains the group), by the z-score of the
 * weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
 * eq. 22); positive scores only, score descending, then term.
 */
export function distinctiveTerms(group: ReadonlyMap<string, number>, corpus: ReadonlyMap<string, number>, options: DistinctiveTermsOptions = {}): DistinctiveTerm[] {
	const { top = Infinity, min_count = 1 } = options;
	const corpus_size = sum(corpus);
	const group_size = sum(group);
	const rest_size = corpus_size - group_size;
	// The prior is the corpus itself: alpha_w = a0 × corpus share of w with a0 = the corpus's word count, so
	// alpha_w is w's corpus count. Each group is shrunk towards the whole conversation by as much evidence as the
	// conversation holds, nothing is tuned per dataset, and it is the prior of the widely used implementation of
	// eq. 22 (Jurafsky's bayes.py, 2013: a background corpus's counts as alpha, their sum as a0).
	const prior_size = corpus_size;
	const terms: DistinctiveTerm[] = [];
	for (const [term, count] of group) {
		if (count < min_count) continue;
		const prior = corpus.get(term) ?? 0;
		const rest_count = prior - count;
		const delta =
			Math.log((count + prior) / (group_size + prior_size - count - prior)) -
			Math.log((rest_count + prior) / (rest_size + prior_size - rest_count - prior));
		const variance = 1 / (count + prior) + 1 / (rest_count + prior);
		const score = delta / Math.sqrt(variance);
		if (Number.isFinite(score) && score > 0) terms.push({ term, count, score });
	}
	terms.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
	return terms.slice(0, top);
}

function sum(counts: ReadonlyMap<string, number>): number {
	let total = 0;
	for (const count of counts.values()) total += count;
	return total;
}
