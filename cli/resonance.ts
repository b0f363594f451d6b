import { anonymizeCommand, anonymizeUsage } from './commands/anonymize';
import { analyzeCommand, analyzeUsage } from './commands/analyze';
import { figuresCommand, figuresUsage } from './commands/figures';
import { linksCommand, linksUsage } from './commands/links';

/** Every CLI command: its usage line and what runs it. Commands print to stdout and return an exit code. */
const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<number> }> = {
	anonymize: { usage: anonymizeUsage, run: anonymizeCommand },
	analyze: { usage: analyzeUsage, run: analyzeCommand },
	figures: { usage: figuresUsage, run: figuresCommand },
	links: { usage: linksUsage, run: linksCommand }
};

const USAGE = `usage:
${Object.values(COMMANDS)
	.map((command) => '  ' + command.usage)
	.join('\n')}

  --roster FILE  CSV with author,role[,cohort]: roles, cohorts, and members who never posted
  --tz ZONE      the dataset's time zone: an IANA name (Asia/Shanghai) or an offset (+08:00); default UTC`;

async function main([name, ...argv]: string[]): Promise<number> {
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(USAGE + '\n');
		return name ? 0 : 2;
	}
	const command = COMMANDS[name];
	if (!command) throw new Error(`unknown command "${name}" (try: resonance --help)`);
	return command.run(argv);
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`resonance: ${message.split('\n')[0]}\n`);
		process.exit(1);
	}
);
