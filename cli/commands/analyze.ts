import { parseArgs } from 'node:util';
import type { Db } from '../../src/lib/db/db';
import { isFiltered, NO_FILTER, type DataFilter } from '../../src/lib/metrics/filter/data-filter';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { FILTER_OPTIONS, filterDaysProblem, readFilterArgs } from '../filter-args';
import { UsageError } from '../usage-error';
import type { AnalysisSettings } from '../../src/lib/settings/analysis-settings';
import { DATASET_OPTIONS, engineOptions, loadCliDataset, type CliImportSummary } from '../load-cli-dataset';
import { analyzeDataset } from '../../src/lib/metrics/analyze-dataset';
import { periodTerms } from '../../src/lib/metrics/terms/period-terms';
import { sharedItems } from '../../src/lib/metrics/shared/shared-items';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { machineTimeZone } from '../machine-time-zone';
import { phaseTimings } from '../phase-timings';
import { readSettings } from '../read-settings';
import type { CliIo } from '../cli-io';

/** `resonance analyze`: the JSON contract later work and checks rely on. */
export async function analyzeCommand(argv: string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { ...DATASET_OPTIONS, ...FILTER_OPTIONS, config: { type: 'string' }, 'without-text': { type: 'boolean' } }
	});
	const settings = values.config ? readSettings(values.config, machineTimeZone(io.env)) : defaultAnalysisSettings(machineTimeZone(io.env));
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const days_problem = filterDaysProblem(values);
	if (days_problem) throw new UsageError(days_problem);
	const timings = phaseTimings();
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone, without_text: values['without-text'], ...engineOptions(values) });
	try {
		await applyAnalysisSettings(db, settings);
		const output = await analysisJson(db, report, settings, await readFilterArgs(db, values), timings);
		io.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}

/** The JSON `resonance analyze` prints for a loaded dataset: the import report and every metric under these settings (and filter, shown in `settings.filter`). */
export async function analysisJson(db: Db, report: CliImportSummary, settings: AnalysisSettings, filter: DataFilter = NO_FILTER, timings = phaseTimings(false)) {
	timings.mark('import');
	const analysis = await analyzeDataset(db, settings, 'month', filter);
	timings.mark('metrics');
	// Each member's first message stays out of the JSON: the summary is what the analysis reports.
	const { members: _newcomers, ...newcomers } = analysis.links.response.newcomers;
	return {
		import: report,
		monthly: analysis.monthly,
		settings: isFiltered(filter) ? { ...settings, filter } : settings,
		members: analysis.members.map(({ author_id, author_name, other_names, role, cohort, messages }) => ({ author_id, author_name, other_names, role, cohort, messages })),
		merge_suggestions: analysis.merge_suggestions,
		peaks: analysis.peaks.peaks.map((peak) => ({
			month: peak.label,
			messages: peak.value,
			prominence: peak.prominence,
			ratio_to_median: peak.ratio_to_median,
			robust_z: peak.robust_z,
			event: peak.event,
			event_distance_days: peak.event_distance_days
		})),
		drops: {
			...analysis.drops,
			silent_members: analysis.silent_members,
			retention: analysis.retention
		},
		links: {
			monthly: analysis.links.monthly.map(({ period, ...row }) => ({ month: period, ...row })),
			by_rule: analysis.links.by_rule
		},
		stages: analysis.stages.map((stage, index) => {
			// The stage's own columns already hold its messages and mentor share; its link ratios follow them, basis first.
			const { period, period_start, period_end, messages, mentor_message_share, basis, links, n_messages, mentor_share_ci, ...ratios } = analysis.links.stages[index];
			const { stage: _name, ...monthly_median } = analysis.links.stage_medians[index];
			return { ...stage, basis, links, ...ratios, n_messages, mentor_share_ci, monthly_median };
		}),
		response: {
			monthly: analysis.links.response.monthly,
			by_role: analysis.links.response.by_role,
			newcomers
		},
		hours: analysis.hours.all,
		terms: await periodTerms(db, { peak_months: analysis.peaks.peaks.map((peak) => peak.label) }).finally(() => timings.mark('terms')),
		shared: await sharedItems(db).finally(() => timings.mark('shared'))
	};
}
