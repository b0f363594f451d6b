import type { WeightedEdge } from './degree-centralization';

/**
 * Share (0–1) of distinct directed pairs A→B whose reverse B→A also exists (networkx `reciprocity`),
 * weights ignored and self-loops dropped; null when there is no edge between two different members.
 */
export function reciprocity(edges: readonly Pick<WeightedEdge, 'source' | 'target'>[]): number | null {
	const pairs = new Set<string>();
	// JSON keeps any member id (even one containing a separator) from colliding with another pair.
	const key = (source: string, target: string) => JSON.stringify([source, target]);
	for (const { source, target } of edges) if (source !== target) pairs.add(key(source, target));
	if (pairs.size === 0) return null;
	let reciprocated = 0;
	for (const pair of pairs) {
		const [source, target] = JSON.parse(pair) as [string, string];
		if (pairs.has(key(target, source))) reciprocated++;
	}
	return reciprocated / pairs.size;
}
