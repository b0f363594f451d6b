/** A period covering under 0.8 of its days is partial (DESIGN "Periods"): hatched, shown per covered day, left out of every baseline. */
export function isPartialPeriod(period: { coverage: number }): boolean {
	return period.coverage < 0.8;
}
