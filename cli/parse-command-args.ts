import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

/** node:util parseArgs with positionals allowed, its errors (unknown flag, missing value) as UsageError. */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: Options) {
	try {
		return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}
