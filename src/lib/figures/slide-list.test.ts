import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { loadDataset } from '../ingest/load-dataset';
import { parseRoster } from '../ingest/members/parse-roster';
import { analyzeDataset } from '../metrics/analyze-dataset';
import { NO_FILTER } from '../metrics/filter/data-filter';
import { generateSampleCommunity } from '../sample/generate-sample-community';
import { parseAnalysisSettings } from '../settings/parse-analysis-settings';
import { dashboardFigures } from './dashboard-figures';
import type { FigureId } from './figure-id';
import type { FigureSpec } from './figure-spec';
import { slideList } from './slide-list';

const sample = generateSampleCommunity();
const settings = parseAnalysisSettings(sample.settings);
let db: Db;

beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: bytesImportSource('community.csv', new TextEncoder().encode(sample.csv)) }], {
		time_zone: settings.time_zone,
		roster: parseRoster(sample.roster_csv).entries
	});
});
afterAll(async () => {
	await db.close();
});

// A name outside FigureId stands for a figure added later without a place in the order.
const figure = (name: string): FigureSpec => ({ name: name as FigureId, title: name, caption: '', component: () => ({}), props: {}, rows: [] });

describe('slideList(figures)', () => {
	it('lists every figure of the sample community in the order of the dashboard’s tabs, each stage after the whole dataset', async () => {
		const analysis = await analyzeDataset(db, settings);
		const slides = slideList(dashboardFigures(analysis, settings));
		expect(slides.map(({ name, title }) => [name, title])).toEqual([
			['monthly-activity', 'Messages and likes per month'],
			['mentor-and-peers', 'Who answers whom: mentor ↔ student and student ↔ student, per month'],
			['weekly-hours', 'When people talk: messages by weekday and hour'],
			['weekly-hours-stage-1', 'When people talk: Medical students'],
			['weekly-hours-stage-2', 'When people talk: Interns'],
			['weekly-hours-stage-3', 'When people talk: Newly qualified doctors'],
			['reply-network', 'Who replies to whom'],
			['reply-network-stage-1', 'Who replies to whom: Medical students'],
			['reply-network-stage-2', 'Who replies to whom: Interns'],
			['reply-network-stage-3', 'Who replies to whom: Newly qualified doctors'],
			['member-activity', 'Who talks when: messages per member and month'],
			['retention', 'How long members stay active, by cohort'],
			['participation-inequality', 'How unequally students take part']
		]);
	});

	it('under a filter, says the filter in every slide’s caption', async () => {
		const filter = { ...NO_FILTER, from: '2021-07-01', to: '2022-02-28', roles: ['student'] };
		const analysis = await analyzeDataset(db, settings, 'month', filter);
		const slides = slideList(dashboardFigures(analysis, settings));
		expect(slides.length).toBeGreaterThan(0);
		for (const slide of slides) expect(slide.caption, slide.name).toContain('Filtered: 2021-07-01 – 2022-02-28 · students only.');
	});

	it('puts the weekly series first like the monthly one, and a figure it does not know last, in the order given', () => {
		const figures = Object.fromEntries(
			['participation-inequality', 'keyword-trend', 'reply-network-stage-2', 'weekly-activity', 'reply-network', 'reply-network-stage-1', 'some-new-figure'].map((name) => [name, figure(name)])
		);
		expect(slideList(figures).map((slide) => slide.name)).toEqual([
			'weekly-activity',
			'reply-network',
			'reply-network-stage-2',
			'reply-network-stage-1',
			'participation-inequality',
			'keyword-trend',
			'some-new-figure'
		]);
	});

	it('has no slide when the analysis has no figure', () => {
		expect(slideList({})).toEqual([]);
	});
});
