import type { SurvivalStep } from './kaplan-meier';

/**
 * 95% interval of a Kaplan–Meier median read off the pointwise band (Brookmeyer–Crowley by inversion): from
 * the first time the band's lower edge reaches 0.5 to the first time its upper edge does, null (∞) when the
 * upper edge never does; null when even the lower edge never reaches 0.5.
 */
export function survivalMedianInterval(steps: readonly SurvivalStep[]): [number, number | null] | null {
	const low = steps.find((step) => step.lower <= 0.5)?.time;
	if (low === undefined) return null;
	return [low, steps.find((step) => step.upper <= 0.5)?.time ?? null];
}
