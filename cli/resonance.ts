import { m } from '../src/lib/i18n/messages';
import { locale } from '../src/lib/i18n/locale';
import { cliLocale } from './cli-locale';
import type { CliIo } from './cli-io';
import { UsageError } from './usage-error';

/**
 * Every CLI command: its usage and what runs it. Commands print to stdout and return an exit code; each is
 * imported only when it runs, so `analyze` does not wait for the chart components `figures` compiles.
 */
const COMMANDS: Record<string, { usage: string; run: (argv: string[], io: CliIo) => Promise<number> }> = {
	anonymize: {
		usage: `resonance anonymize FILE... --out OUT.csv --key KEY.csv [--roster-out ROSTER.csv] [--roster FILE] [--tz ZONE]
      [--keep-names-in-text] [--keep-name-parts] [--keep-urls] [--keep-emails] [--keep-phones] [--keep-platform-ids]
    import the files (one dataset), write it as an anonymized Resonance CSV (authors as M01/S01/P01 codes;
    names, @mentions, URLs, e-mails, phone numbers and QQ/WeChat ids removed from text) and the key
    (code,original_name,original_id) to a separate file; print what was replaced as JSON`,
		run: async (argv, io) => (await import('./commands/anonymize')).anonymizeCommand(argv, io)
	},
	analyze: {
		usage: `resonance analyze FILE... [--roster FILE] [--tz ZONE] [--config SETTINGS.json] [--without-text] [FILTER]
    import the files (one dataset) and print as JSON the import report, the monthly series, the settings
    used, peaks, drops (change points, month-over-month, silent members, retention), interaction links
    (monthly mentor-versus-peer ratios, messages per link rule) and the stage comparison.
    --config: time zone, stages, events, roles, peak sensitivity, excluded kinds (--tz wins over it);
    without it there are no stages or events and the default peak rule applies.
    --without-text: leave message text out (much less memory; words are 0, no @mention links)
    FILTER: [--from DAY] [--to DAY] [--member NAME_OR_ID]... [--role ROLE]... [--source FILE_OR_CHANNEL]... [--kind KIND]...
    counts only those messages, as the dashboard's filter bar (days both included; repeat a flag for
    several; settings.filter shows it). Replies are still found on the whole chat`,
		run: async (argv, io) => (await import('./commands/analyze')).analyzeCommand(argv, io)
	},
	convert: {
		usage: `resonance convert FILE... --out DATA.parquet|DATA.duckdb [--roster FILE] [--tz ZONE] [--without-text]
    import the files (one dataset) and write its checked messages, word counts, roster and import report
    as one compact file: Parquet (zstd), or a DuckDB database, which the dashboard opens too (its DuckDB
    reads no Parquet offline). Every command opens it like an export, without checking its rows again.
    Print the import report and the file written as JSON`,
		run: async (argv, io) => (await import('./commands/convert')).convertCommand(argv, io)
	},
	figures: {
		usage: `resonance figures FILE... --out DIR [--zip FILE.zip] [--report FILE.html] [--roster FILE] [--tz ZONE]
                  [--config SETTINGS.json] [--width PX] [--height PX] [--presentation] [FILTER as analyze]
    import the files (one dataset) and write every dashboard figure into DIR as a standalone SVG, with
    the data behind it as a tidy CSV beside it (monthly-activity, weekly-activity, retention,
    member-activity, participation-inequality, …). The same data, settings, size and title give the
    same bytes as the dashboard's SVG export. Default size 960×560 (1280×720 with --presentation:
    larger type, thicker marks). --zip writes them in one zip with a README and settings.json (no PNG);
    --report writes one self-contained HTML report (figures, tables, settings; no message text); either
    may replace --out`,
		run: async (argv, io) => (await import('./commands/figures')).figuresCommand(argv, io)
	},
	links: {
		usage: `resonance links FILE... [--roster FILE] [--tz ZONE]
    print who answers whom as CSV message_id,parent_id,rule,reason: one row per counted message, in
    message order; rule is reply_to, continuation (one's own earlier message), mention, context or none
    (then parent_id is empty); reason says why in words`,
		run: async (argv, io) => (await import('./commands/links')).linksCommand(argv, io)
	},
	messages: {
		usage: `resonance messages FILE... [--month YYYY-MM | --from DAY --to DAY] [--member NAME_OR_ID] [--query TEXT [--regex]]
                   [--role ROLE]... [--source FILE_OR_CHANNEL]... [--kind KIND]... [--roster FILE] [--tz ZONE] [--config SETTINGS.json]
    print the counted messages behind a number as CSV message_id,timestamp,author,role,text,likes,
    parent_id,rule, in message order: those of a month or of whole days (both included), of one member
    (by name or id), and matching the query: every plain word, any case (Chinese words as written, no
    spaces needed), every "quoted phrase" exactly as written, or a /regular expression/ (/…/i ignores
    case; RE2 syntax). parent_id and rule are the message's interaction link (as resonance links)`,
		run: async (argv, io) => (await import('./commands/messages')).messagesCommand(argv, io)
	},
	trend: {
		usage: `resonance trend FILE... --query TEXT [--regex] [--grain month|week|day] [--by-role]
                [--roster FILE] [--tz ZONE] [--config SETTINGS.json] [FILTER as analyze]
    print how often the counted messages match the query (as resonance messages reads it) as CSV
    period,messages,matching,share: every period from the first to the last message, empty ones as 0
    with an empty share; --by-role adds a role column, one row per period and role`,
		run: async (argv, io) => (await import('./commands/trend')).trendCommand(argv, io)
	}
};

const USAGE = `usage:
${Object.values(COMMANDS)
	.map((command) => '  ' + command.usage)
	.join('\n')}

  --roster FILE  CSV with author,role[,cohort]: roles, cohorts, and members who never posted
  --tz ZONE      the dataset's time zone: an IANA name (Asia/Shanghai) or an offset (+08:00); default the machine's zone (TZ, else the system's)
  --engine E     native (default: native DuckDB, all cores, spills to disk) or wasm (the browser's duckdb-wasm)
  --memory-limit SIZE  native engine: memory DuckDB may use before it spills to disk (default half the RAM), e.g. 4GB
  --temp-dir DIR       native engine: where it spills (default a new folder in the system's temporary folder)
  --lang L       the language of messages and errors: en or zh-CN (default from LC_ALL/LANG, else en); JSON and CSV never change`;

async function main(args: string[], io: CliIo): Promise<number> {
	const chosen = cliLocale(args, io.env);
	locale.set(chosen.locale);
	const [name, ...argv] = chosen.argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.stdout.write(USAGE + '\n');
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
	exitAfterOutput(await resonance(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
}

// Output to a pipe that is full (64 KB on Linux) is queued, and process.exit would drop what is queued: exit
// only once both streams have flushed (a write's callback runs after every earlier write is out).
function exitAfterOutput(code: number): void {
	process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
