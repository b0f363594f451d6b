/** One CSV field, quoted per RFC 4180 only when it holds a comma, a double quote or a line break. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
