import { m } from '../src/lib/i18n/messages';
import { locale } from '../src/lib/i18n/locale';
import { cliLocale } from './cli-locale';
import { UsageError } from './usage-error';

/**
 * Every CLI command: its usage and what runs it. Commands print to stdout and return an exit code; each is
 * imported only when it runs, so `analyze` does not wait for the chart components `figures` compiles.
 */
const COMMANDS: Record<string, { usage: () => string; run: (argv: string[]) => Promise<number> }> = {
	anonymize: {
		usage: m.cli_usage_anonymize,
		run: async (argv) => (await import('./commands/anonymize')).anonymizeCommand(argv)
	},
	analyze: {
		usage: m.cli_usage_analyze,
		run: async (argv) => (await import('./commands/analyze')).analyzeCommand(argv)
	},
	convert: {
		usage: m.cli_usage_convert,
		run: async (argv) => (await import('./commands/convert')).convertCommand(argv)
	},
	figures: {
		usage: m.cli_usage_figures,
		run: async (argv) => (await import('./commands/figures')).figuresCommand(argv)
	},
	links: {
		usage: m.cli_usage_links,
		run: async (argv) => (await import('./commands/links')).linksCommand(argv)
	},
	messages: {
		usage: m.cli_usage_messages,
		run: async (argv) => (await import('./commands/messages')).messagesCommand(argv)
	},
	trend: {
		usage: m.cli_usage_trend,
		run: async (argv) => (await import('./commands/trend')).trendCommand(argv)
	}
};

/** The general help, in the interface language: read after --lang has chosen it. */
function usage(): string {
	const commands = Object.values(COMMANDS).map((command) => '  ' + command.usage());
	return `${m.cli_usage_heading()}\n${commands.join('\n')}\n\n${m.cli_usage_options()}`;
}

async function main(args: string[]): Promise<number> {
	const chosen = cliLocale(args, process.env);
	locale.set(chosen.locale);
	const [name, ...argv] = chosen.argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(usage() + '\n');
		return name ? 0 : 2;
	}
	const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
	if (!command) throw new Error(m.cli_unknown_command({ name }));
	return command.run(argv);
}

// Output to a pipe that is full (64 KB on Linux) is queued, and process.exit would drop what is queued: exit
// only once both streams have flushed (a write's callback runs after every earlier write is out).
function exitAfterOutput(code: number): void {
	process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`resonance: ${message.split('\n')[0]}\n`);
	exitAfterOutput(error instanceof UsageError ? 2 : 1);
});
