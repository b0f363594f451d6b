/** The database worker is gone: it crashed (often for lack of memory) or was stopped to cancel a load. */
export class DatabaseStoppedError extends Error {
	override name = 'DatabaseStoppedError';
}
