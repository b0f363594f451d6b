import type { AnalysisSettings } from './analysis-settings';
import { DEFAULT_EXCLUDED_KINDS } from './default-excluded-kinds';

/**
 * Settings before the researcher changes anything: times read in `time_zone` (the browser's or the machine's
 * zone; there is no hidden UTC), no stages, no events, no role overrides, no merged members, DESIGN's peak rule.
 */
export function defaultAnalysisSettings(time_zone: string): AnalysisSettings {
	return {
		version: 1,
		time_zone,
		stages: [],
		events: [],
		roles: {},
		peak_sensitivity: 1,
		excluded_kinds: [...DEFAULT_EXCLUDED_KINDS],
		member_merges: []
	};
}
