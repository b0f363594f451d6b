import { mulberry32 } from '../../sample/mulberry32';
import { quantile } from './quantile';

/**
 * Percentile bootstrap interval (95% by default) of a pooled share Σ successes / Σ trials when clusters
 * (days) are resampled with replacement, so messages of one busy day move together; seeded, so the same
 * clusters give the same interval. Resamples with no trial are skipped; null without any trial.
 */
export function clusterBootstrapShare(
	clusters: readonly { successes: number; trials: number }[],
	options: { resamples?: number; seed?: number; level?: number } = {}
): [number, number] | null {
	const { resamples = 2000, seed = 1, level = 0.95 } = options;
	if (clusters.reduce((sum, cluster) => sum + cluster.trials, 0) === 0) return null;
	const random = mulberry32(seed);
	const shares: number[] = [];
	for (let r = 0; r < resamples; r++) {
		let successes = 0;
		let trials = 0;
		for (let k = 0; k < clusters.length; k++) {
			const cluster = clusters[Math.floor(random() * clusters.length)];
			successes += cluster.successes;
			trials += cluster.trials;
		}
		if (trials > 0) shares.push(successes / trials);
	}
	return [quantile(shares, (1 - level) / 2), quantile(shares, (1 + level) / 2)];
}
