/** One step of a Kaplan–Meier curve: the estimate just after `time`. */
export interface SurvivalStep {
	time: number;
	/** Subjects whose duration is ≥ time, censored ones at this time included. */
	at_risk: number;
	events: number;
	censored: number;
	survival: number;
	/** 95% pointwise band, Greenwood variance on the log(−log) scale (scipy's `method='log-log'`); [1, 1] before any event, [0, 0] once survival is 0. */
	lower: number;
	upper: number;
}

/** z of a two-sided 95% interval: the Normal 0.975 quantile. */
const Z_95 = 1.959963984540054;

/**
 * Product-limit (Kaplan–Meier) survival estimate from durations (any unit) and whether each end was
 * observed (true) or censored (false): an origin step {time 0, survival 1}, then one step per distinct duration
 * (0 included, so a curve can drop at once when some subjects end at 0).
 */
export function kaplanMeier(durations: readonly number[], observed: readonly boolean[]): SurvivalStep[] {
	if (durations.length !== observed.length) {
		throw new RangeError(`kaplanMeier: ${durations.length} durations but ${observed.length} observed flags`);
	}
	for (const duration of durations) {
		if (!(duration >= 0)) throw new RangeError(`kaplanMeier: durations must be non-negative numbers, got ${duration}`);
	}
	const order = durations.map((_, i) => i).sort((a, b) => durations[a] - durations[b]);
	const steps: SurvivalStep[] = [{ time: 0, at_risk: durations.length, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 }];
	let at_risk = durations.length;
	let survival = 1;
	let greenwood = 0;
	for (let k = 0; k < order.length; ) {
		const time = durations[order[k]];
		let events = 0;
		let censored = 0;
		for (; k < order.length && durations[order[k]] === time; k++) {
			if (observed[order[k]]) events++;
			else censored++;
		}
		survival *= 1 - events / at_risk;
		greenwood += events < at_risk ? events / (at_risk * (at_risk - events)) : Infinity;
		steps.push({ time, at_risk, events, censored, survival, ...logLogBand(survival, greenwood) });
		at_risk -= events + censored;
	}
	return steps;
}

function logLogBand(survival: number, greenwood: number): { lower: number; upper: number } {
	if (survival === 1) return { lower: 1, upper: 1 };
	if (survival === 0) return { lower: 0, upper: 0 };
	const spread = Math.exp((Z_95 * Math.sqrt(greenwood)) / Math.abs(Math.log(survival)));
	return { lower: survival ** spread, upper: survival ** (1 / spread) };
}
