import type { AnalysisSettings } from './analysis-settings';

/**
 * A plain, deep copy of settings (a Svelte state proxy included) through JSON, which keeps every key
 * as the settings file does. `$state.snapshot` copies by assignment, so a member whose author id is
 * `__proto__` would lose their role in the copy.
 */
export function copyAnalysisSettings(settings: AnalysisSettings): AnalysisSettings {
	return JSON.parse(JSON.stringify(settings));
}
