import { isLocale, locales, type Locale } from '../src/lib/paraglide/runtime.js';
import { preferredLocale } from '../src/lib/i18n/preferred-locale';
import { UsageError } from './usage-error';

/**
 * The language of the CLI's messages and the remaining arguments: `--lang zh-CN|en` (anywhere on the line),
 * else the locale of the environment (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else English.
 * JSON and CSV output never change with it.
 */
export function cliLocale(argv: string[], env: NodeJS.ProcessEnv): { locale: Locale; argv: string[] } {
	const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
	if (index === -1) {
		const environment = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
		return { locale: preferredLocale(null, environment ? [environment] : []), argv };
	}
	const inline = argv[index].startsWith('--lang=');
	const value = inline ? argv[index].slice('--lang='.length) : argv[index + 1];
	if (value === undefined || !isLocale(value)) throw new UsageError(`--lang "${value ?? ''}": use ${locales.join(' or ')}`);
	return { locale: value, argv: argv.filter((_, position) => position !== index && (inline || position !== index + 1)) };
}
