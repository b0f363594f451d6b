import type { WeightedEdge } from './degree-centralization';

/**
 * Density of a directed network: distinct directed pairs A→B (A ≠ B, weights ignored) over n(n − 1), where n
 * counts `nodes` and every edge end; null below two members.
 */
export function networkDensity(edges: readonly Pick<WeightedEdge, 'source' | 'target'>[], nodes: readonly string[] = []): number | null {
	const members = new Set(nodes);
	const pairs = new Set<string>();
	for (const { source, target } of edges) {
		members.add(source);
		members.add(target);
		if (source !== target) pairs.add(JSON.stringify([source, target]));
	}
	const n = members.size;
	return n < 2 ? null : pairs.size / (n * (n - 1));
}
