/**
 * Reciprocity beyond what density alone gives (Garlaschelli & Loffredo 2004, PRL 93:268701):
 * ρ = (r − d) / (1 − d), where a random network of density d has r = d. 0 = chance, 1 = every tie answered,
 * below 0 = fewer answered than chance; null when either is unknown or the network is complete (d = 1).
 */
export function densityNormalizedReciprocity(reciprocity: number | null, density: number | null): number | null {
	if (reciprocity === null || density === null || density >= 1) return null;
	return (reciprocity - density) / (1 - density);
}
