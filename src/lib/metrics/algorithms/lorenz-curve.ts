/** A Lorenz curve point: the least active `population_share` of members hold `value_share` of the total (0–1). */
export interface LorenzPoint {
	population_share: number;
	value_share: number;
}

/**
 * The Lorenz curve of non-negative amounts, from (0, 0) to (1, 1) with one point per member in ascending
 * order; the line of equality when the total is 0 or there are no members.
 */
export function lorenzCurve(values: readonly number[]): LorenzPoint[] {
	const n = values.length;
	if (n === 0) {
		return [
			{ population_share: 0, value_share: 0 },
			{ population_share: 1, value_share: 1 }
		];
	}
	const sorted = Float64Array.from(values).sort();
	if (!(sorted[0] >= 0 && sorted[n - 1] >= 0)) throw new RangeError('lorenzCurve: amounts must be non-negative numbers');
	const total = sorted.reduce((sum, value) => sum + value, 0);
	const points: LorenzPoint[] = [{ population_share: 0, value_share: 0 }];
	let cumulative = 0;
	for (let k = 0; k < n; k++) {
		cumulative += sorted[k];
		points.push({
			population_share: (k + 1) / n,
			value_share: k === n - 1 ? 1 : total === 0 ? (k + 1) / n : cumulative / total
		});
	}
	return points;
}
