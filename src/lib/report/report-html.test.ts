import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathImportSource } from '../../../cli/path-import-source';
import type { Db } from '../db/db';
import { createNodeDb } from '../db/duckdb-node';
import { locale } from '../i18n/locale';
import { dashboardFigures } from '../figures/dashboard-figures';
import { exportAbout } from '../figures/export-about';
import { figureList } from '../figures/figure-id';
import { serverChartMarkup } from '../figures/server-chart-markup';
import { loadDataset } from '../ingest/load-dataset';
import { analyzeDataset, type CompleteAnalysis } from '../metrics/analyze-dataset';
import type { AnalysisSettings } from '../settings/analysis-settings';
import { defaultAnalysisSettings } from '../settings/default-analysis-settings';
import { escapeHtml } from './escape-html';
import { reportFigure } from './report-figure';
import { reportHtml, type ReportInput } from './report-html';
import { reportTables } from './report-tables';

const FIXTURE = resolve(import.meta.dirname, '../../../tests/fixtures/report/report__4-members_script-and-onload-names_script-text_jan-jun-2021_march-busiest.csv');
const settings: AnalysisSettings = {
	...defaultAnalysisSettings('UTC'),
	roles: { Mentor: 'mentor' },
	stages: [{ name: '<b>Term</b> "one"', start: '2021-01-01', end: '2021-06-30' }],
	events: [{ date: '2021-03-01', label: '<img src=x onerror=alert(1)> task' }]
};

let db: Db;
let analysis: CompleteAnalysis;
let figures: ReportInput['figures'];
let input: ReportInput;

beforeAll(async () => {
	db = await createNodeDb();
	await loadDataset(db, [{ source: pathImportSource(FIXTURE) }], { time_zone: 'UTC' });
	analysis = await analyzeDataset(db, settings);
	figures = figureList(dashboardFigures(analysis, settings)).map((figure) => reportFigure(serverChartMarkup, figure, { width: 960, height: 560 }));
	input = { about: exportAbout(analysis, settings, 'chat <export>.csv'), generated_at: '2026-12-03 14:05 UTC', figures, tables: reportTables(analysis) };
});
afterAll(async () => {
	await db.close();
});

const TEXTS = Array.from({ length: 21 }, (_, index) => `TEXT-SECRET-${String(index + 1).padStart(2, '0')}`);

describe('reportTables', () => {
	it('prints the peak, the members and the stage of the fixture as the dashboard counts them', () => {
		const [peaks, stages, members, quiet] = reportTables(analysis);
		// Months Jan–Jun: 2, 3, 9, 2, 3, 2 messages; June ends on the 8th, so it is partial and out of the median (3).
		expect(peaks.rows).toEqual([['2021-03', '9', '3.0', '<img src=x onerror=alert(1)> task (2021-03-01)']]);
		expect(members.rows).toEqual([
			['Mentor', 'mentor', '7', '6'],
			['<script>alert(1)</script>', 'student', '4', '3'],
			['"onload=alert(1) x', 'student', '4', '3'],
			['Ann', 'student', '6', '4']
		]);
		// 21 messages over 6 months (3.5 a month, printed rounded), 7 by the mentor; peer share and silence come from their own metrics.
		expect(stages.rows).toEqual([['<b>Term</b> "one"', '2021-01-01 – 2021-06-30', '21', '4', '4', '33%', '25%', '1']]);
		expect(quiet.rows).toEqual([]);
	});
});

describe('reportHtml', () => {
	it('carries every figure’s title and caption, the tables, the filter and the settings', () => {
		const html = reportHtml(input);
		expect(figures.map((figure) => figure.name)).toEqual([
			'monthly-activity',
			'mentor-and-peers',
			'reply-network',
			'reply-network-stage-1',
			'retention',
			'member-activity',
			'weekly-hours',
			'weekly-hours-stage-1',
			'participation-inequality'
		]);
		for (const figure of figures) {
			expect(html).toContain(`<h3 id="${figure.name}-title">${escapeHtml(figure.title)}</h3>`);
			expect(html).toContain(`<figcaption>${escapeHtml(figure.caption)}</figcaption>`);
		}
		expect(html.match(/<svg\b/g)).toHaveLength(figures.length * 2);
		// Heading and figcaption are the report's text; the drawing does not repeat them.
		expect(html).not.toContain('>Messages per month</tspan>');
		expect(html.split(escapeHtml(figures.find((figure) => figure.name === 'member-activity')!.caption))).toHaveLength(2);
		for (const title of ['Peaks', 'Stage by stage', 'Members', 'Who went quiet']) expect(html).toContain(`<h3>${title}</h3>`);
		expect(html).toContain('<h1>Resonance report: chat &lt;export&gt;.csv</h1>');
		expect(html).toContain('<p class="meta">Months: 2021-01 – 2021-06 · Times in UTC</p>');
		expect(html).toContain('<p class="meta">Filter: none (every counted message).</p>');
		expect(html).toContain('Generated 2026-12-03 14:05 UTC by Resonance. No message text is included.');
		expect(html).toContain('&quot;name&quot;: &quot;&lt;b&gt;Term&lt;/b&gt; \\&quot;one\\&quot;&quot;');
	});

	it('is written in Chinese when the interface is in Chinese: headings, table headers, the text notice and the page language', () => {
		locale.set('zh-CN');
		try {
			const html = reportHtml({ ...input, tables: reportTables(analysis) });
			expect(html).toContain('<html lang="zh-CN">');
			expect(html).toContain('<h1>Resonance 报告：chat &lt;export&gt;.csv</h1>');
			expect(html).toContain('<h2>图表</h2>');
			expect(html).toContain('<h3>逐阶段</h3>');
			expect(html).toContain('<tr><th scope="col">成员</th><th scope="col">角色</th><th class="numeric" scope="col">消息数</th><th class="numeric" scope="col">活跃月数</th></tr>');
			expect(html).toContain('<p class="meta muted">由 Resonance 生成于 2026-12-03 14:05 UTC。本报告不含任何消息文本。</p>');
			expect(html).toContain('<td>Mentor</td><td>导师</td>');
		} finally {
			locale.set('en');
		}
	});

	it('renumbers each inline figure’s ids apart, so one figure’s references never point into another', () => {
		const html = reportHtml(input);
		const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('f1-1');
		expect(ids).toContain(`f${figures.length}-1`);
	});

	it('opens anywhere and runs nothing: a CSP that forbids scripts and requests, no script, no handler, no outside address', () => {
		const html = reportHtml({ ...input, messages: [{ title: 'March', messages: [{ timestamp: '2021-03-01 08:10:00', author: '<script>alert(1)</script>', text: '<script>alert("text")</script>' }] }] });
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
		expect(html).not.toMatch(/<img\b/i);
		expect(html).not.toMatch(/https?:\/\//);
		expect(html).not.toMatch(/<[^>]*\s(?:src|href)\s*=\s*["']?(?!#|data:)/i);
		expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
		expect(html).toContain('<td>&quot;onload=alert(1) x</td>');
		expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt; task (2021-03-01)</td>');
	});

	it('holds no message text unless asked', () => {
		const html = reportHtml(input);
		for (const text of TEXTS) expect(html).not.toContain(text);
		expect(html).not.toContain('alert(&quot;text&quot;)');
	});

	it('prints the messages asked for, escaped', () => {
		const html = reportHtml({
			...input,
			messages: [
				{
					title: 'Peak 2021-03',
					messages: [
						{ timestamp: '2021-03-01 08:10:00', author: 'Ann', text: '<script>alert("text")</script> TEXT-SECRET-07' },
						{ timestamp: '2021-03-02 08:20:00', author: '<script>alert(1)</script>', text: 'TEXT-SECRET-08 done\nsecond line' }
					]
				}
			]
		});
		expect(html).toContain('Generated 2026-12-03 14:05 UTC by Resonance. This report includes message text.');
		expect(html).toContain(
			[
				'<h2>Messages</h2>',
				'<h3>Peak 2021-03</h3>',
				'<p class="message"><span class="muted">2021-03-01 08:10:00</span> <strong>Ann</strong>: <span class="text">&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt; TEXT-SECRET-07</span></p>',
				'<p class="message"><span class="muted">2021-03-02 08:20:00</span> <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>: <span class="text">TEXT-SECRET-08 done\nsecond line</span></p>'
			].join('\n')
		);
	});
});
