import type { DatasetAnalysis } from '../metrics/analyze-dataset';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { filterSentence } from './filter-sentence';

/** What an export says about the analysis behind its figures: which data, which months, which filter, which settings. */
export interface ExportAbout {
	/** As the dashboard names it: `the sample community`, or the files opened. */
	dataset_label: string;
	/** First and last month counted (`YYYY-MM`); null when nothing is counted. */
	month_range: readonly [string, string] | null;
	/** filterSentence of the filter applied; empty without one. */
	filter: string;
	settings: AnalysisSettings;
}

/** The ExportAbout of one analysis under its settings. */
export function exportAbout(analysis: DatasetAnalysis, settings: AnalysisSettings, dataset_label: string): ExportAbout {
	const { monthly } = analysis;
	return {
		dataset_label,
		month_range: monthly.length > 0 ? [monthly[0].month, monthly[monthly.length - 1].month] : null,
		filter: filterSentence(analysis.filter.applied, analysis.filter.options),
		settings
	};
}
