/**
 * What one run of the CLI writes to and reads from: stdout, stderr and the environment (LANG for the language,
 * TZ for the default zone). The `resonance` process passes its own; tests pass collectors and an env of their own.
 */
export interface CliIo {
	/** `fd` when it is a file descriptor, so a CSV written into a file can start with a BOM. */
	stdout: { write(chunk: string): unknown; fd?: number };
	stderr: { write(chunk: string): unknown };
	env: NodeJS.ProcessEnv;
}
