/** A command line that cannot be run as given (a bad flag or value): the CLI prints the reason and exits 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}
