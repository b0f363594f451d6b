import { m } from '../src/lib/i18n/messages';
import { startHeapCeiling } from './heap-ceiling';
import { locale } from '../src/lib/i18n/locale';
import { cliLocale } from './cli-locale';
import type { CliIo } from './cli-io';
import { UsageError } from './usage-error';

/**
 * Every CLI command: its usage and what runs it. Commands print to stdout and return an exit code; each is
 * imported only when it runs, so `analyze` does not wait for the chart components `figures` compiles.
 */
const COMMANDS: Record<string, { usage: () => string; run: (argv: string[], io: CliIo) => Promise<number> }> = {
	anonymize: {
		usage: m.cli_usage_anonymize,
		run: async (argv, io) => (await import('./commands/anonymize')).anonymizeCommand(argv, io)
	},
	analyze: {
		usage: m.cli_usage_analyze,
		run: async (argv, io) => (await import('./commands/analyze')).analyzeCommand(argv, io)
	},
	convert: {
		usage: m.cli_usage_convert,
		run: async (argv, io) => (await import('./commands/convert')).convertCommand(argv, io)
	},
	figures: {
		usage: m.cli_usage_figures,
		run: async (argv, io) => (await import('./commands/figures')).figuresCommand(argv, io)
	},
	links: {
		usage: m.cli_usage_links,
		run: async (argv, io) => (await import('./commands/links')).linksCommand(argv, io)
	},
	messages: {
		usage: m.cli_usage_messages,
		run: async (argv, io) => (await import('./commands/messages')).messagesCommand(argv, io)
	},
	trend: {
		usage: m.cli_usage_trend,
		run: async (argv, io) => (await import('./commands/trend')).trendCommand(argv, io)
	}
};

/** The general help, in the interface language: read after --lang has chosen it. */
function usage(): string {
	const commands = Object.values(COMMANDS).map((command) => '  ' + command.usage());
	return `${m.cli_usage_heading()}\n${commands.join('\n')}\n\n${m.cli_usage_options()}`;
}

async function main(args: string[], io: CliIo): Promise<number> {
	const chosen = cliLocale(args, io.env);
	locale.set(chosen.locale);
	const [name, ...argv] = chosen.argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.stdout.write(usage() + '\n');
		return name ? 0 : 2;
	}
	const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
	if (!command) throw new Error(m.cli_unknown_command({ name }));
	return command.run(argv, io);
}

/**
 * Runs the command line ARGS (without `resonance`) on io and returns the exit code: 0, 1 with the reason on
 * stderr, or 2 for a usage error. The language chosen holds for this run only.
 */
export async function resonance(args: string[], io: CliIo): Promise<number> {
	const previous_locale = locale.current;
	try {
		return await main(args, io);
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		io.stderr.write(`resonance: ${message.split('\n')[0]}\n`);
		return error instanceof UsageError ? 2 : 1;
	} finally {
		locale.set(previous_locale);
	}
}

/** The `resonance` process (bin/resonance.js): its arguments, streams and environment; it exits once its output is out. */
export async function runResonanceProcess(): Promise<void> {
	startHeapCeiling();
	exitAfterOutput(await resonance(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
}

// Output to a pipe that is full (64 KB on Linux) is queued, and process.exit would drop what is queued: exit
// only once both streams have flushed (a write's callback runs after every earlier write is out).
function exitAfterOutput(code: number): void {
	process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
