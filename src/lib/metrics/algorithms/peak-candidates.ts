/** A local maximum of a series with its topographic prominence (in the series' units) and the bases that define it. */
export interface Peak {
	index: number;
	value: number;
	prominence: number;
	left_base: number;
	right_base: number;
}

/** Every local maximum of `values` with its prominence, before any prominence or distance filter. */
export function peakCandidates(values: readonly number[]): Peak[] {
	return localMaxima(values).map((index) => withProminence(values, index));
}

// scipy's _local_maxima_1d: strictly above the left neighbour, then flat for a while, then strictly
// above the right neighbour; a flat top is reported at (left + right) // 2; the ends never qualify.
function localMaxima(values: readonly number[]): number[] {
	const maxima: number[] = [];
	const last = values.length - 1;
	let i = 1;
	while (i < last) {
		if (values[i - 1] < values[i]) {
			let ahead = i + 1;
			while (ahead < last && values[ahead] === values[i]) ahead++;
			if (values[ahead] < values[i]) {
				maxima.push((i + ahead - 1) >> 1);
				i = ahead;
			}
		}
		i++;
	}
	return maxima;
}

// scipy's peak_prominences with an unlimited window: on each side, walk until a strictly higher
// sample (or the end) and take that stretch's minimum; the base is the minimum nearest the peak.
function withProminence(values: readonly number[], index: number): Peak {
	const value = values[index];
	let left_base = index;
	let left_min = value;
	for (let i = index; i >= 0 && values[i] <= value; i--) {
		if (values[i] < left_min) {
			left_min = values[i];
			left_base = i;
		}
	}
	let right_base = index;
	let right_min = value;
	for (let i = index; i < values.length && values[i] <= value; i++) {
		if (values[i] < right_min) {
			right_min = values[i];
			right_base = i;
		}
	}
	return { index, value, prominence: value - Math.max(left_min, right_min), left_base, right_base };
}
