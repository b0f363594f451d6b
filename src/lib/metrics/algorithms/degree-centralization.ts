/** A directed, weighted link between two members (e.g. replies from `source` to `target`). */
export interface WeightedEdge {
	source: string;
	target: string;
	weight: number;
}

/**
 * Freeman degree centralization (0–1) of the reply network read as undirected and unweighted:
 * Σ(max degree − degree) / ((n − 1)(n − 2)); 1 for a star, 0 when every member has the same number of
 * partners; null below 3 members.
 */
export function degreeCentralization(edges: readonly WeightedEdge[], nodes: readonly string[] = []): number | null {
	// Unweighted on purpose: this asks how many conversation partners each member has, not how much
	// they talk (message volume is the Gini's job), and keeps Freeman's 0–1 normalisation valid.
	const neighbours = new Map<string, Set<string>>();
	const neighboursOf = (node: string) => {
		let set = neighbours.get(node);
		if (!set) neighbours.set(node, (set = new Set()));
		return set;
	};
	for (const node of nodes) neighboursOf(node);
	for (const { source, target } of edges) {
		neighboursOf(source);
		neighboursOf(target);
		if (source === target) continue;
		neighboursOf(source).add(target);
		neighboursOf(target).add(source);
	}
	const n = neighbours.size;
	if (n < 3) return null;
	const degrees = [...neighbours.values()].map((set) => set.size);
	const max_degree = degrees.reduce((max, degree) => Math.max(max, degree), 0);
	return degrees.reduce((sum, degree) => sum + (max_degree - degree), 0) / ((n - 1) * (n - 2));
}
