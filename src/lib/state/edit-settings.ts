import type { AnalysisSettings } from '../settings/analysis-settings';
import { copyAnalysisSettings } from '../settings/copy-analysis-settings';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import type { Dashboard } from './dashboard.svelte';

/**
 * Applies `edit` to a copy of the dashboard's settings and, when the copy is valid, hands it to the dashboard,
 * which recomputes every view. Returns why the edit was refused, or null.
 */
export function editSettings(dashboard: Dashboard, edit: (draft: AnalysisSettings) => void): string | null {
	const draft = copyAnalysisSettings(dashboard.settings.settings);
	edit(draft);
	try {
		dashboard.updateSettings(parseAnalysisSettings(draft));
		return null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}
