/**
 * Wall time of a command's phases, printed to stderr as `resonance: import 1.23 s` when RESONANCE_TIMINGS is set
 * (npm run bench:cli sets it); otherwise it prints nothing.
 */
export function phaseTimings(enabled = Boolean(process.env.RESONANCE_TIMINGS)) {
	let last_ms = performance.now();
	const print = (phase: string, ms: number, detail: string) => {
		if (enabled) process.stderr.write(`resonance: ${phase} ${(ms / 1000).toFixed(2)} s${detail && ` (${detail})`}\n`);
	};
	return {
		/** Ends the phase that ran since the previous mark (or since this timer began). */
		mark(phase: string, detail = '') {
			const now_ms = performance.now();
			print(phase, now_ms - last_ms, detail);
			last_ms = now_ms;
		},
		/** Reports time measured elsewhere, such as a part of a phase. */
		report: print
	};
}
