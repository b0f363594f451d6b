import type { CliIo } from './cli-io';
import { resonance } from './resonance';

/**
 * `resonance ...args` run in this process, for tests: the same function the `resonance` process runs, without
 * starting Node and DuckDB again. Resolves with what it printed when it exits 0, else rejects with its exit code
 * too, as a child process run by promisified execFile does. env is this process's unless given; stdout may be a
 * file descriptor's writer. Runs at the same time must not choose different languages (the language is global).
 */
export async function resonanceInProcess(
	args: string[],
	options: { env?: NodeJS.ProcessEnv; stdout?: CliIo['stdout'] } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
	const [stdout, stderr]: string[][] = [[], []];
	const code = await resonance(args, {
		stdout: options.stdout ?? { write: (chunk: string) => stdout.push(chunk) },
		stderr: { write: (chunk: string) => stderr.push(chunk) },
		env: options.env ?? process.env
	});
	const run = { code, stdout: stdout.join(''), stderr: stderr.join('') };
	if (code !== 0) throw Object.assign(new Error(`resonance ${args.join(' ')} exited ${code}: ${run.stderr}`), run);
	return run;
}
