/**
 * The period a chart's readout moves to on an arrow key, Home or End, among `count` periods (`active` null: none
 * chosen yet, so → starts at the first and ← at the first too); undefined for any other key.
 */
export function periodKeyStep(key: string, active: number | null, count: number): number | undefined {
	const last = count - 1;
	switch (key) {
		case 'ArrowRight':
			return Math.min(last, (active ?? -1) + 1);
		case 'ArrowLeft':
			return Math.max(0, (active ?? 1) - 1);
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return undefined;
	}
}
