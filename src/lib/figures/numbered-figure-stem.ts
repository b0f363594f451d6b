/** The file stem of the figure at `index` (0-based) in an export of several: `01-monthly-activity`, so files sort in dashboard order. */
export function numberedFigureStem(index: number, name: string): string {
	return `${String(index + 1).padStart(2, '0')}-${name}`;
}
