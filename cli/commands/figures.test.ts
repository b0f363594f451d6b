import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { generateSampleCommunity } from '../../src/lib/sample/generate-sample-community';
import { keywordTrendFigure } from '../../src/lib/figures/keyword-trend-figure';
import { renderedFigure } from '../../src/lib/figures/rendered-figure';
import { serverChartMarkup } from '../../src/lib/figures/server-chart-markup';
import { tidyCsv } from '../../src/lib/figures/tidy-csv';
import { countMatchingMessages } from '../../src/lib/metrics/search/count-matching-messages';
import { queryTrend } from '../../src/lib/metrics/search/query-trend';
import { applyAnalysisSettings } from '../../src/lib/metrics/apply-analysis-settings';
import { loadCliDataset } from '../load-cli-dataset';
import { machineTimeZone } from '../machine-time-zone';
import { readSettings } from '../read-settings';
import { resonanceInProcess } from '../resonance-in-process';

let dir: string;
let outputs: { stdout: string }[];

beforeAll(async () => {
	dir = mkdtempSync(resolve(tmpdir(), 'resonance-figures-'));
	const sample = generateSampleCommunity();
	writeFileSync(resolve(dir, 'community.csv'), sample.csv);
	writeFileSync(resolve(dir, 'roster.csv'), sample.roster_csv);
	writeFileSync(resolve(dir, 'settings.json'), JSON.stringify({ time_zone: sample.settings.time_zone, stages: sample.settings.stages, events: sample.settings.events }));
	const figures = (out: string, ...more: string[]) =>
		resonanceInProcess(['figures', resolve(dir, 'community.csv'), '--roster', resolve(dir, 'roster.csv'), '--config', resolve(dir, 'settings.json'), '--out', resolve(dir, out), '--query', '考试', ...more]);
	outputs = await Promise.all([figures('first'), figures('second', '--zip', resolve(dir, 'all.zip'), '--report', resolve(dir, 'report.html'))]);
}, 240_000);

describe('resonance figures', () => {
	it('writes an SVG and a tidy CSV per dashboard figure and prints the SVG paths', () => {
		const files = readdirSync(resolve(dir, 'first'));
		for (const name of ['monthly-activity', 'weekly-activity', 'keyword-trend', 'retention', 'member-activity', 'participation-inequality', 'weekly-hours', 'weekly-hours-stage-1', 'weekly-hours-stage-3']) {
			expect(files).toContain(`${name}.svg`);
			expect(files).toContain(`${name}.csv`);
		}
		const printed = outputs[0].stdout.trim().split('\n');
		expect(printed[0]).toBe(resolve(dir, 'first', 'monthly-activity.svg'));
		expect([...printed].sort()).toEqual(files.filter((file) => file.endsWith('.svg')).map((file) => resolve(dir, 'first', file)).sort());
	});

	it('gives byte-identical files for the same input', () => {
		for (const file of readdirSync(resolve(dir, 'first'))) {
			expect(readFileSync(resolve(dir, 'second', file)), file).toEqual(readFileSync(resolve(dir, 'first', file)));
		}
	});

	it('draws the sample community: both task peaks with their events, three stages, likes, the method caption', () => {
		const svg = readFileSync(resolve(dir, 'first', 'monthly-activity.svg'), 'utf8');
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain('<title id="figure-1">Messages and likes per month</title>');
		expect(svg).toContain('>Mar 2021 · 788</text>');
		expect(svg).toContain('>Nov 2021 · 706</text>');
		expect(svg).toContain('>Mentor task: case report</text>');
		expect(svg.match(/font-style="italic"/g)).toHaveLength(3);
		expect(svg).toContain('Counted: text messages (media, stickers and system messages excluded). Times in Asia/Shanghai. 2020-09 – 2022-10.');
		const bytes = readFileSync(resolve(dir, 'first', 'monthly-activity.csv'));
		expect([...bytes.subarray(0, 3)], 'UTF-8 BOM, so Excel reads the CSV as UTF-8').toEqual([0xef, 0xbb, 0xbf]);
		const csv = bytes.toString('utf8').split('\r\n');
		expect(csv[0]).toBe('\ufeffmonth,messages,words,likes,active_members,coverage,peak,peak_event,peak_event_distance_days,stage');
		expect(csv.find((line) => line.startsWith('2021-03,'))).toMatch(/^2021-03,788,\d+,\d+,\d+,1,true,Mentor task: case report,0,Medical students$/);
	});

	it('keeps a heatmap of 62 members readable by making its figure taller than the default 560 px', () => {
		const svg = readFileSync(resolve(dir, 'first', 'member-activity.svg'), 'utf8');
		expect(Number(/^<svg [^>]*height="(\d+)"/m.exec(svg)?.[1])).toBeGreaterThan(62 * 14);
	});

	it('writes the week’s hours of the sample: 7 × 24 cells, Monday first, with its time zone in the caption', () => {
		const svg = readFileSync(resolve(dir, 'first', 'weekly-hours.svg'), 'utf8');
		expect(svg).toContain('<title id="figure-1">When people talk: messages by weekday and hour</title>');
		expect(svg).toContain('Times in Asia/Shanghai. 2020-09 – 2022-10. Counted messages by weekday (rows, Monday first) and hour of the day (columns)');
		const csv = readFileSync(resolve(dir, 'first', 'weekly-hours.csv'), 'utf8').trim().split('\r\n');
		expect(csv[0]).toBe('weekday,hour,messages');
		expect(csv.slice(1)).toHaveLength(7 * 24);
		expect(csv.slice(1, 3)).toEqual(['Mon,0,0', 'Mon,1,0']);
		expect(csv).toContain('Mon,12,131');
		expect(csv[csv.length - 1]).toMatch(/^Sun,23,\d+$/);
		expect(readFileSync(resolve(dir, 'first', 'weekly-hours-stage-2.svg'), 'utf8')).toContain('Stage: Interns.');
	});

	it('draws retention by roster cohort', () => {
		const svg = readFileSync(resolve(dir, 'first', 'retention.svg'), 'utf8');
		for (const cohort of ['Class A', 'Class B', 'Class C']) expect(svg).toContain(`>${cohort} (n = `);
	});

	it('writes with --zip the same figures and data it writes into --out, numbered, and with --report one HTML file of them', () => {
		const files = unzipSync(readFileSync(resolve(dir, 'all.zip')));
		const names = Object.keys(files);
		expect(names.slice(0, 2)).toEqual(['README.md', 'settings.json']);
		expect(names[2]).toBe('01-monthly-activity.svg');
		expect(names.slice(-4).map((name) => name.slice(3))).toEqual(['weekly-activity.svg', 'weekly-activity.csv', 'keyword-trend.svg', 'keyword-trend.csv']);
		for (const name of names.slice(2)) expect(Buffer.from(files[name]), name).toEqual(readFileSync(resolve(dir, 'first', name.slice(3))));
		expect(names.slice(2)).toHaveLength(readdirSync(resolve(dir, 'first')).length);
		expect(Buffer.from(files['README.md']).toString('utf8')).toContain('# Figures of community.csv\n\n- Dataset: community.csv\n- Months: 2020-09 – 2022-10\n');
		const html = readFileSync(resolve(dir, 'report.html'), 'utf8');
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
		expect(html).toContain('<h3 id="monthly-activity-title">Messages and likes per month</h3>');
		expect(html).toContain('<h3 id="weekly-activity-title">Messages and likes per week</h3>');
		expect(outputs[1].stdout.trim().split('\n').slice(-2)).toEqual([resolve(dir, 'all.zip'), resolve(dir, 'report.html')]);
	});

	it('with --query writes the trend the messages panel draws for that search: per month, the query in the caption, the figure the dashboard draws from queryTrend in Node DuckDB', async () => {
		const settings = readSettings(resolve(dir, 'settings.json'), machineTimeZone());
		const { db } = await loadCliDataset([resolve(dir, 'community.csv')], { roster: resolve(dir, 'roster.csv'), tz: settings.time_zone });
		try {
			await applyAnalysisSettings(db, settings);
			const rows = await queryTrend(db, '考试', { grain: 'month' });
			const expected = renderedFigure(serverChartMarkup, keywordTrendFigure({ query: '考试', regex: false, grain: 'month', by_role: false, rows }, settings), { width: 960, height: 560 });
			const svg = readFileSync(resolve(dir, 'first', 'keyword-trend.svg'), 'utf8');
			expect(svg).toBe(expected.svg);
			expect(readFileSync(resolve(dir, 'first', 'keyword-trend.csv'), 'utf8')).toBe(tidyCsv(expected.rows));
			expect(svg).toContain('<title id="figure-1">Share of messages matching “考试”, per month</title>');
			const csv = readFileSync(resolve(dir, 'first', 'keyword-trend.csv'), 'utf8').split('\r\n');
			expect(csv[0]).toBe('\ufeffperiod,messages,matching,share,share_low,share_high');
			const march = csv.find((line) => line.startsWith('2021-03,'))!.split(',');
			expect(Number(march[2])).toBe(await countMatchingMessages(db, { query: '考试', month: '2021-03' }));
		} finally {
			await db.close();
		}
	});
});
