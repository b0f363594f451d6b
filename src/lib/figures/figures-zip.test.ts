import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { locale } from '../i18n/locale';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { loadDataset } from '../ingest/load-dataset';
import { parseRoster } from '../ingest/members/parse-roster';
import { analyzeDataset } from '../metrics/analyze-dataset';
import { generateSampleCommunity } from '../sample/generate-sample-community';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { dashboardFigures } from './dashboard-figures';
import { exportAbout, type ExportAbout } from './export-about';
import { figureList } from './figure-id';
import { figuresZip } from './figures-zip';
import { renderedFigure, type RenderedFigure } from './rendered-figure';
import { serverChartMarkup } from './server-chart-markup';
import { tidyCsv } from './tidy-csv';

const sample = generateSampleCommunity();
const settings = parseAnalysisSettings(sample.settings);
let db: Db;
let figures: RenderedFigure[];
let about: ExportAbout;

beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
		time_zone: settings.time_zone,
		roster: parseRoster(sample.roster_csv).entries
	});
	const analysis = await analyzeDataset(db, settings);
	figures = figureList(dashboardFigures(analysis, settings)).map((figure) => renderedFigure(serverChartMarkup, figure, { width: 960, height: 560 }));
	about = exportAbout(analysis, settings, 'the sample community');
}, 120_000);
afterAll(async () => {
	await db.close();
});

const STEMS = [
	'01-monthly-activity',
	'02-mentor-and-peers',
	'03-reply-network',
	'04-reply-network-stage-1',
	'05-reply-network-stage-2',
	'06-reply-network-stage-3',
	'07-retention',
	'08-member-activity',
	'09-weekly-hours',
	'10-weekly-hours-stage-1',
	'11-weekly-hours-stage-2',
	'12-weekly-hours-stage-3',
	'13-participation-inequality'
];

describe('figuresZip', () => {
	it('holds the README, the settings and an SVG and a CSV per figure of the sample community, in dashboard order', () => {
		const files = unzipSync(figuresZip(figures, about));
		expect(Object.keys(files)).toEqual(['README.md', 'settings.json', ...STEMS.flatMap((stem) => [`${stem}.svg`, `${stem}.csv`])]);
		for (const [index, figure] of figures.entries()) {
			expect(strFromU8(files[`${STEMS[index]}.svg`])).toBe(figure.svg);
			// Compared as bytes: decoding would drop the BOM that makes Excel read the CSV as UTF-8.
			expect(files[`${STEMS[index]}.csv`]).toEqual(strToU8(tidyCsv(figure.rows)));
		}
		expect(JSON.parse(strFromU8(files['settings.json']))).toEqual(settings);
	});

	it('writes a README with the dataset, months, filter and time zone, each figure’s title and caption, and the settings', () => {
		const readme = strFromU8(unzipSync(figuresZip(figures, about))['README.md']);
		expect(readme.split('\n').slice(0, 12)).toEqual([
			'# Figures of the sample community',
			'',
			'- Dataset: the sample community',
			'- Months: 2020-09 – 2022-10',
			'- Filter: none (every counted message)',
			'- Time zone: Asia/Shanghai',
			'',
			'Made with Resonance. Each figure comes as an SVG and its data as CSV (UTF-8); settings.json holds the settings below, to open the same analysis again.',
			'',
			'## Figures',
			'',
			'1. **Messages and likes per month** (`01-monthly-activity`)'
		]);
		expect(readme).toContain(
			'10. **When people talk: Medical students** (`10-weekly-hours-stage-1`)\n' +
				'   Counted: text messages (media, stickers and system messages excluded). Times in Asia/Shanghai. 2020-09-01 – 2021-06-30. Counted messages by weekday (rows, Monday first) and hour of the day (columns) in the dataset’s time zone. Stage: Medical students.\n'
		);
		for (const [index, figure] of figures.entries()) expect(readme).toContain(`${index + 1}. **${figure.title}** (\`${STEMS[index]}\`)\n   ${figure.caption}\n`);
		const settings_block = /## Settings\n\n```json\n([\s\S]*)\n```\n$/.exec(readme);
		expect(JSON.parse(settings_block![1])).toEqual(settings);
	});

	it('writes the README in Chinese when the interface is in Chinese, with the same file names and settings', () => {
		locale.set('zh-CN');
		try {
			const files = unzipSync(figuresZip(figures, { ...about, dataset_label: 'cohort-2024.csv' }));
			const readme = strFromU8(files['README.md']);
			expect(readme.split('\n')[0]).toBe('# cohort-2024.csv 的图表');
			expect(readme).toContain('\n- 筛选：无（所有计入的消息）\n');
			expect(Object.keys(files)).toEqual(['README.md', 'settings.json', ...STEMS.flatMap((stem) => [`${stem}.svg`, `${stem}.csv`])]);
			expect(JSON.parse(strFromU8(files['settings.json']))).toEqual(settings);
		} finally {
			locale.set('en');
		}
	});

	it('names the filter when one applies', () => {
		const readme = strFromU8(unzipSync(figuresZip(figures, { ...about, filter: 'Filtered: 2021-01-01 – 2021-06-30 · students only.' }))['README.md']);
		expect(readme).toContain('\n- Filter: Filtered: 2021-01-01 – 2021-06-30 · students only.\n');
	});

	it('adds each figure’s 2× PNG between its SVG and its CSV, stored as given, when the browser drew them', () => {
		const png = (index: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, index]);
		const files = unzipSync(figuresZip(figures.map((figure, index) => ({ ...figure, png: png(index) })), about));
		expect(Object.keys(files).slice(2, 5)).toEqual(['01-monthly-activity.svg', '01-monthly-activity@2x.png', '01-monthly-activity.csv']);
		expect(files['13-participation-inequality@2x.png']).toEqual(png(12));
		expect(strFromU8(files['README.md'])).toContain('Each figure comes as an SVG, a PNG at twice the size (@2x) and its data as CSV (UTF-8);');
	});

	it('is the same bytes for the same figures, every entry dated 1980-01-01 00:00 whatever the time zone', () => {
		const zip = figuresZip(figures, about);
		expect(figuresZip(figures, about)).toEqual(zip);
		// First local file header: signature PK\3\4, then version, flags, method, DOS time (2 bytes) and date (2 bytes).
		expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		expect([...zip.subarray(10, 14)], 'time 00:00:00, date (1980 − 1980) << 9 | 1 << 5 | 1').toEqual([0, 0, 0x21, 0]);
	});
});
