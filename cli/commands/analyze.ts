import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DATASET_OPTIONS, loadCliDataset } from '../load-cli-dataset';
import { monthlyDrops } from '../../src/lib/metrics/drops/monthly-drops';
import { retentionCurves } from '../../src/lib/metrics/drops/retention-curves';
import { silentMembersAt } from '../../src/lib/metrics/drops/silent-members-at';
import { monthlySeries } from '../../src/lib/metrics/monthly-series';
import { peakReport } from '../../src/lib/metrics/peaks/peak-report';
import { activitySeries } from '../../src/lib/metrics/series/activity-series';
import { stageComparison } from '../../src/lib/metrics/stages/stage-comparison';
import type { AnalysisSettings } from '../../src/lib/settings/analysis-settings';
import { applyAnalysisSettings } from '../../src/lib/settings/apply-analysis-settings';
import { defaultAnalysisSettings } from '../../src/lib/settings/default-analysis-settings';
import { parseAnalysisSettings } from '../../src/lib/settings/parse-analysis-settings';

export const analyzeUsage = `resonance analyze FILE... [--roster FILE] [--tz ZONE] [--config SETTINGS.json]
    import the files (one dataset) and print as JSON the import report, the monthly series, peaks,
    drops (change points, month-over-month, silent members, retention) and the stage comparison.
    --config: time zone, stages, events, roles, peak sensitivity, excluded kinds (--tz wins over it);
    without it there are no stages or events and the default peak rule applies`;

/** `resonance analyze`: the JSON contract later work and checks rely on. */
export async function analyzeCommand(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { ...DATASET_OPTIONS, config: { type: 'string' } }
	});
	const settings = values.config ? readSettings(values.config) : defaultAnalysisSettings();
	if (values.tz !== undefined) settings.time_zone = values.tz;
	const { db, report } = await loadCliDataset(positionals, { roster: values.roster, tz: settings.time_zone });
	try {
		await applyAnalysisSettings(db, settings);
		const monthly = await monthlySeries(db);
		const peaks = peakReport(await activitySeries(db, 'month'), {
			grain: 'month',
			sensitivity: settings.peak_sensitivity,
			events: settings.events
		}).peaks;
		const output = {
			import: report,
			monthly,
			settings,
			peaks: peaks.map((peak) => ({
				month: peak.label,
				messages: peak.value,
				prominence: peak.prominence,
				ratio_to_median: peak.ratio_to_median,
				robust_z: peak.robust_z,
				event: peak.event
			})),
			drops: {
				...monthlyDrops(monthly),
				silent_members: await silentMembersAt(db),
				retention: await retentionCurves(db)
			},
			stages: await stageComparison(db, settings.stages)
		};
		process.stdout.write(JSON.stringify(output, null, 2) + '\n');
		return 0;
	} finally {
		await db.close();
	}
}

function readSettings(path: string): AnalysisSettings {
	if (!existsSync(path)) throw new Error(`${path}: no such file`);
	try {
		return parseAnalysisSettings(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path}: ${error instanceof Error ? error.message : error}`);
	}
}
