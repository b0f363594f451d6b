import { existsSync, readFileSync } from 'node:fs';
import type { AnalysisSettings } from '../src/lib/settings/analysis-settings';
import { parseAnalysisSettings } from '../src/lib/settings/parse-analysis-settings';
import { m } from '../src/lib/i18n/messages';

/** Reads a settings file given with --config (a zone it leaves out is `default_time_zone`); errors name the file and the bad field. */
export function readSettings(path: string, default_time_zone: string): AnalysisSettings {
	if (!existsSync(path)) throw new Error(m.cli_no_such_file({ path }));
	try {
		return parseAnalysisSettings(readFileSync(path, 'utf8'), default_time_zone);
	} catch (error) {
		throw new Error(`${path}: ${error instanceof Error ? error.message : error}`);
	}
}
