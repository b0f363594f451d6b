/**
 * For each peak (given in position order), the position of the higher peak that removes it under a
 * minimum peak distance (in samples), or null when it is kept; scipy's `find_peaks(distance=…)` rule.
 */
export function peakDistanceSuppressors(
	peaks: readonly { index: number; value: number }[],
	distance: number
): (number | null)[] {
	if (!(distance >= 1)) throw new RangeError(`distance must be at least 1, got ${distance}`);
	const min_gap = Math.ceil(distance);
	const suppressors: (number | null)[] = peaks.map(() => null);
	const kept = peaks.map(() => true);
	// scipy visits peaks from highest to lowest through a stable argsort read backwards, so among
	// equal heights the later peak goes first.
	const by_priority = peaks.map((_, position) => position).sort((a, b) => peaks[b].value - peaks[a].value || b - a);
	for (const j of by_priority) {
		if (!kept[j]) continue;
		for (let k = j - 1; k >= 0 && peaks[j].index - peaks[k].index < min_gap; k--) suppress(k, j);
		for (let k = j + 1; k < peaks.length && peaks[k].index - peaks[j].index < min_gap; k++) suppress(k, j);
	}
	return suppressors;

	function suppress(k: number, j: number) {
		// scipy clears `keep` again for already-removed neighbours; the first remover is the one to name.
		if (kept[k]) suppressors[k] = peaks[j].index;
		kept[k] = false;
	}
}
