import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { loadDataset } from '../ingest/load-dataset';
import { parseRoster } from '../ingest/members/parse-roster';
import { generateSampleCommunity } from '../sample/generate-sample-community';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { analyzeDataset, type CompleteAnalysis } from './analyze-dataset';
import { NO_FILTER, type DataFilter } from './filter/data-filter';
import { DatasetAnalyzer } from './dataset-analyzer';

const sample = generateSampleCommunity();
const sample_settings = parseAnalysisSettings(sample.settings);
let db: Db;
/** Every statement the analyzer sent, by its first line: the same real DuckDB, only watched. */
const statements: string[] = [];
/** The derived tables ensureTables built, as it records them. */
const built: string[] = [];

beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
		time_zone: sample_settings.time_zone,
		roster: parseRoster(sample.roster_csv).entries
	});
});
afterAll(async () => {
	await db.close();
});

function watched(db: Db): Db {
	return {
		...db,
		query: (sql, params) => {
			statements.push(sql.trim().split('\n')[0]);
			if (sql.startsWith('INSERT INTO derived_table_keys')) built.push(String(params?.[0]));
			return db.query(sql, params);
		},
		exec: (sql) => (statements.push(sql.trim().split('\n')[0]), db.exec(sql))
	};
}

const statementsDuring = async (work: () => Promise<unknown>) => {
	statements.length = 0;
	built.length = 0;
	await work();
	return [...statements];
};

describe('DatasetAnalyzer', () => {
	it('gives after every settings change what a full analysis gives, redoing only what the change touches', async () => {
		const analyzer = new DatasetAnalyzer(watched(db));
		const steps: [string, AnalysisSettings, 'month' | 'week'][] = [];
		const base = sample_settings;
		steps.push(['sample settings', base, 'month']);
		steps.push(['peak sensitivity', { ...base, peak_sensitivity: 2 }, 'month']);
		steps.push(['stage renamed', { ...base, stages: base.stages.map((stage, index) => (index === 0 ? { ...stage, name: 'Year one' } : stage)) }, 'month']);
		steps.push(['weekly grain', { ...base, peak_sensitivity: 2 }, 'week']);
		steps.push(['role override', { ...base, roles: { S07: 'mentor' } }, 'month']);
		steps.push(['stickers counted', { ...base, excluded_kinds: ['system', 'media'] }, 'month']);
		steps.push(['members merged', { ...base, member_merges: [{ into: 'S07', from: ['S08'] }] }, 'month']);
		steps.push(['back to the sample settings', base, 'month']);
		const sent: Record<string, string[]> = {};
		const rebuilt: Record<string, string[]> = {};
		for (const [name, settings, grain] of steps) {
			let cached: unknown;
			sent[name] = await statementsDuring(async () => (cached = await analyzer.analyze(settings, grain)));
			rebuilt[name] = [...built];
			expect(cached, name).toEqual(await analyzeDataset(db, settings, grain));
		}
		expect(sent['peak sensitivity']).toEqual([]);
		expect(rebuilt['stage renamed']).toEqual(['stage_messages']);
		expect(sent['stage renamed'].some((line) => line.startsWith('-- Stage comparison'))).toBe(true);
		expect(sent['stage renamed'].some((line) => line.startsWith('-- Activity series'))).toBe(false);
		// the whole dataset's network is one query and the stages' another: a stage change redoes only the second
		expect(sent['sample settings'].filter((line) => line.startsWith('-- Reply network'))).toHaveLength(2);
		expect(sent['stage renamed'].filter((line) => line.startsWith('-- Reply network'))).toHaveLength(1);
		expect(sent['weekly grain'].filter((line) => line.startsWith('-- Activity series'))).toHaveLength(1);
		expect(rebuilt['weekly grain']).toEqual(['stage_messages']);
		// the links table carries both roles of every link, so the ratios need no join with messages
		expect(rebuilt['role override']).toEqual(['roles', 'kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links']);
		expect(rebuilt['stickers counted']).toEqual(['roles', 'kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links']);
		// a merge changes whose message each one is, so links and every count are redone
		expect(rebuilt['members merged']).toEqual(['members', 'roles', 'kept_messages', 'counted_messages', 'stage_messages', 'kept_links', 'links']);
		// eight settings steps on the sample, each checked against a full analysis: 40 s at a load average of 19, over the 60 s default once
	}, 180_000);

	it('sums the words again, and only the words, after wordsChanged()', async () => {
		const analyzer = new DatasetAnalyzer(watched(db));
		await analyzer.analyze(sample_settings);
		expect(await statementsDuring(() => analyzer.analyze(sample_settings))).toEqual([]);
		analyzer.wordsChanged();
		const sent = await statementsDuring(() => analyzer.analyze(sample_settings));
		expect(sent.filter((line) => line.startsWith('--')).map((line) => line.split(':')[0])).toEqual(['-- Activity series', '-- Stage comparison']);
	});
});

describe('DatasetAnalyzer under a filter', () => {
	it('recounts every metric under a new filter, finds no link again, and gives what a full analysis gives', async () => {
		const analyzer = new DatasetAnalyzer(watched(db));
		const first_year: DataFilter = { ...NO_FILTER, from: '2020-09-01', to: '2021-06-30' };
		const students: DataFilter = { ...first_year, roles: ['student'] };
		await analyzer.analyze(sample_settings);
		const sent: Record<string, string[]> = {};
		const rebuilt: Record<string, string[]> = {};
		for (const [name, filter] of [['first year', first_year], ['students of the first year', students], ['no filter', NO_FILTER]] as const) {
			let cached: CompleteAnalysis | undefined;
			sent[name] = await statementsDuring(async () => (cached = await analyzer.analyze(sample_settings, 'month', filter)));
			rebuilt[name] = [...built];
			expect(cached, name).toEqual(await analyzeDataset(db, sample_settings, 'month', filter));
			expect(cached?.filter.applied).toEqual(filter);
		}
		for (const name of Object.keys(sent)) {
			expect(rebuilt[name], name).toEqual(['counted_messages', 'stage_messages', 'links']);
			expect(sent[name].filter((line) => line.startsWith('-- Filter options')), name).toEqual([]);
			for (const part of ['-- Activity series', '-- Stage comparison', '-- Mentor-versus-peer ratios', '-- Reply network']) {
				expect(sent[name].some((line) => line.startsWith(part)), `${name}: ${part}`).toBe(true);
			}
		}
		expect(analyzer.linksFound(sample_settings)).toBe(true);
		const months = async (filter: DataFilter) => (await analyzer.analyze(sample_settings, 'month', filter)).monthly.map((row) => row.month);
		expect((await months(first_year)).at(0)).toBe('2020-09');
		expect((await months(first_year)).at(-1)).toBe('2021-06');
		const student_members = (await analyzer.analyze(sample_settings, 'month', students)).members;
		expect(student_members.length).toBeGreaterThan(0);
		expect(student_members.every((member) => member.role === 'student')).toBe(true);
		expect((await analyzer.analyze(sample_settings, 'month', students)).silent_members.every((member) => member.role === 'student')).toBe(true);
	});
});

describe('DatasetAnalyzer.linksFound(settings)', () => {
	it('is true only once analyze built the links of the messages counted under these settings', async () => {
		const analyzer = new DatasetAnalyzer(db);
		const mentor_s07 = { ...sample_settings, roles: { S07: 'mentor' } };
		await analyzer.analyzeActivity(sample_settings);
		expect(analyzer.linksFound(sample_settings)).toBe(false);
		await analyzer.analyze(sample_settings);
		expect(analyzer.linksFound(sample_settings)).toBe(true);
		expect(analyzer.linksFound({ ...sample_settings, peak_sensitivity: 2, stages: [] })).toBe(true);
		expect(analyzer.linksFound(mentor_s07)).toBe(false);
		expect(analyzer.linksFound({ ...sample_settings, excluded_kinds: ['system'] })).toBe(false);
		await analyzer.analyze(mentor_s07);
		expect(analyzer.linksFound(mentor_s07)).toBe(true);
		expect(analyzer.linksFound(sample_settings)).toBe(false);
	});
});
