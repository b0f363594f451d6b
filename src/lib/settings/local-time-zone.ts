/** The zone this runtime's clock is set to: the browser's in the dashboard, the machine's (TZ honoured) in Node; UTC when unknown. */
export function localTimeZone(): string {
	const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	return zone && zone !== 'Etc/Unknown' ? zone : 'UTC';
}
