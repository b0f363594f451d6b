import { parseArgs } from 'node:util';
import { DATASET_OPTIONS, loadCliDataset } from '../load-cli-dataset';
import { analyzeDataset } from '../../src/lib/metrics/analyze-dataset';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { readSettings } from '../read-settings';

/** `resonance analyze`: the JSON contract later work and checks rely on. */
export async function analyzeCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { ...DATASET_OPTIONS, config: { type: 'string' }, 'without-text': { type: 'boolean' } }
	});
	const settings = values.config ? readSettings(values.config) : defaultAnalysisSettings();
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone, without_text: values['without-text'] });
	try {
		const analysis = await analyzeDataset(db, settings, 'month');
		const output = {
			import: report,
			monthly: analysis.monthly,
			settings,
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
				// The stage's own columns already hold its messages and mentor share.
				const { period, period_start, period_end, messages, mentor_message_share, ...ratios } = analysis.links.stages[index];
				const { stage: _name, ...monthly_median } = analysis.links.stage_medians[index];
				return { ...stage, ...ratios, monthly_median };
			})
		};
		process.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}

