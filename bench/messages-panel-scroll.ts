// `node --import ./bin/register-hooks.js bench/messages-panel-scroll.ts EXPORT.csv [QUERY] [SCREENSHOT_PREFIX]`, after
// `npm run build`: opens EXPORT.csv in the built site in headless Chromium, searches QUERY (default "the"), then scrolls
// the messages panel programmatically — 100 steps of 90% of a view, then jumps to 25, 50, 75 and 100% — recording long
// tasks (PerformanceObserver 'longtask'), the rows in the page and the time until the rows in view are read. Then it opens
// the 15th month of the timeline (its first rows, then a jump to its middle), and times in the same page the floor:
// one scan of every counted text for QUERY (`?bench` exposes the page's database to this script, see +page.svelte).
import keepSql from '../src/lib/metrics/search/keep-matches.sql?raw';
import { messageQuery } from '../src/lib/metrics/search/message-query';
import { openBrowser } from '../tests/browser/open-browser';

const [path, query = 'the', screenshots] = process.argv.slice(2);
if (!path) throw new Error('usage: bench/messages-panel-scroll.ts EXPORT.csv [QUERY] [SCREENSHOT_PREFIX]');

interface LongTask {
	start_ms: number;
	duration_ms: number;
}

const session = await openBrowser();
try {
	const page = await session.newPage();
	await page.goto(`${session.url}/?view=overview&bench`);
	// The sample opens first: the export has loaded when the total is no longer the sample's.
	await page.getByTestId('total-messages').waitFor({ timeout: 120_000 });
	const sample_total = await page.getByTestId('total-messages').textContent();
	let start = performance.now();
	await page.getByTestId('file-input').setInputFiles(path);
	await page.waitForFunction((sample) => document.querySelector('[data-testid=total-messages]')?.textContent !== sample, sample_total, { timeout: 1_800_000, polling: 1000 });
	await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && !document.querySelector('[data-testid=words-progress]') && !document.querySelector('[data-testid=links-progress]'), null, {
		timeout: 1_800_000,
		polling: 1000
	});
	console.log(`loaded and analysed ${await page.getByTestId('total-messages').textContent()} messages in ${((performance.now() - start) / 1000).toFixed(0)} s`);

	await page.evaluate(() => {
		const tasks: LongTask[] = [];
		(window as unknown as { long_tasks: LongTask[] }).long_tasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push({ start_ms: entry.startTime, duration_ms: entry.duration });
		}).observe({ type: 'longtask' });
	});
	const longTasksSince = (since_ms: number) =>
		page.evaluate((since) => (window as unknown as { long_tasks: LongTask[] }).long_tasks.filter((task) => task.start_ms >= since), since_ms);
	const now = () => page.evaluate(() => performance.now());

	const search_start = await now();
	start = performance.now();
	await page.getByRole('searchbox', { name: 'Search messages' }).fill(query);
	await page.getByRole('searchbox', { name: 'Search messages' }).press('Enter');
	const list = page.getByTestId('message-rows');
	await list.getByTestId('message-row').first().waitFor({ timeout: 600_000 });
	console.log(`"${query}": ${await page.getByTestId('messages-header').textContent()}; first rows in ${(performance.now() - start).toFixed(0)} ms`);
	const search_tasks = await longTasksSince(search_start);
	console.log(`long tasks while searching: ${search_tasks.length}, longest ${Math.max(0, ...search_tasks.map((task) => task.duration_ms)).toFixed(0)} ms`);

	// Scrolls to `top`, then waits until the row in the middle of the view is read; gives the rows in the page and the wait.
	const scrollTo = (top: string) =>
		list.evaluate(async (element, top) => {
			const started = performance.now();
			element.scrollTop = top === 'page' ? element.scrollTop + element.clientHeight * 0.9 : Number(top) * (element.scrollHeight - element.clientHeight);
			const box = element.getBoundingClientRect();
			for (;;) {
				await new Promise(requestAnimationFrame);
				const row = document.elementFromPoint(box.left + 40, box.top + box.height / 2)?.closest('li');
				if (row?.hasAttribute('data-loaded')) break;
			}
			return { rows: element.querySelectorAll('li').length, wait_ms: performance.now() - started, index: Number(element.querySelector('li')?.getAttribute('data-index')) };
		}, top);

	const heap = () => page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20);
	const heap_before = await heap();
	const scroll_start = await now();
	const steps = [];
	for (let step = 0; step < 100; step++) steps.push(await scrollTo('page'));
	const jumps_start = await now();
	for (const fraction of ['0.25', '0.5', '0.75', '1']) {
		const jump = await scrollTo(fraction);
		console.log(`jump to ${Number(fraction) * 100}%: row ${jump.index}, ${jump.rows} rows in the page, read in ${jump.wait_ms.toFixed(0)} ms`);
		if (fraction === '0.5' && screenshots) await page.screenshot({ path: `${screenshots}-middle.png` });
	}
	const scroll_tasks = await longTasksSince(scroll_start);
	const describe = (tasks: LongTask[]) =>
		`${tasks.length}, longest ${Math.max(0, ...tasks.map((task) => task.duration_ms)).toFixed(0)} ms, total ${tasks.reduce((sum, task) => sum + task.duration_ms, 0).toFixed(0)} ms`;
	console.log(`long tasks during the page-downs: ${describe(scroll_tasks.filter((task) => task.start_ms < jumps_start))}; during the jumps: ${describe(scroll_tasks.filter((task) => task.start_ms >= jumps_start))}`);
	console.log(`JS heap (Chromium's usedJSHeapSize) before scrolling ${heap_before.toFixed(0)} MB, after ${(await heap()).toFixed(0)} MB`);
	const waits = steps.map((step) => step.wait_ms).sort((a, b) => a - b);
	console.log(
		`100 page-downs: reached row ${steps.at(-1)!.index}; rows in the page max ${Math.max(...steps.map((step) => step.rows))}; wait for the rows in view median ${waits[50].toFixed(0)} ms, max ${waits.at(-1)!.toFixed(0)} ms`
	);
	console.log(
		`long tasks while scrolling: ${scroll_tasks.length}, longest ${Math.max(0, ...scroll_tasks.map((task) => task.duration_ms)).toFixed(0)} ms, total ${scroll_tasks.reduce((sum, task) => sum + task.duration_ms, 0).toFixed(0)} ms`
	);
	if (screenshots) await page.screenshot({ path: `${screenshots}-end.png` });

	await page.keyboard.press('Escape');
	await page.getByTestId('messages-panel').waitFor({ state: 'detached' });
	await page.getByRole('tab', { name: 'Timeline' }).click();
	const chart = page.getByTestId('figure-monthly-activity').locator('svg[tabindex]');
	await chart.waitFor({ timeout: 600_000 });
	await chart.focus();
	await chart.press('Home');
	for (let month = 0; month < 14; month++) await chart.press('ArrowRight');
	start = performance.now();
	await chart.press('Enter');
	await list.getByTestId('message-row').first().waitFor({ timeout: 600_000 });
	console.log(`month: ${await page.getByTestId('messages-header').textContent()}; first rows in ${(performance.now() - start).toFixed(0)} ms`);
	const month_jump = await scrollTo('0.5');
	console.log(`month, jump to 50%: row ${month_jump.index}, read in ${month_jump.wait_ms.toFixed(0)} ms`);

	type BenchWindow = { resonance_bench?: { timeQuery(sql: string, params: unknown[]): Promise<number> } };
	if (await page.evaluate(() => (window as unknown as BenchWindow).resonance_bench !== undefined)) {
		const floor = (sql: string, params: unknown[]) => page.evaluate(([sql, params]) => (window as unknown as BenchWindow).resonance_bench!.timeQuery(sql, params), [sql, params] as const);
		// Plain words only: a /regular expression/ would be checked with a database first.
		const search = await messageQuery(undefined as never, query);
		for (const [label, sql, params] of [
			['count(*) of counted_messages', 'SELECT count(*) FROM counted_messages', []],
			[`count(*) of counted texts ILIKE '%${query}%'`, `SELECT count(*) FROM counted_messages WHERE coalesce(text, '') ILIKE ? ESCAPE '\\'`, [`%${query.replace(/[\\%_]/g, '\\$&')}%`]],
			[`count(*) of what the search filters (whole words)`, `SELECT count(*) FROM counted_messages WHERE ${search.sql}`, search.params],
			['the matches kept (keep-matches.sql: the filter, numbered)', keepSql.replace('/* table */', 'bench_kept').replace('/* filters */', search.sql), search.params]
		] as const) {
			const timed = async () => {
				const ms = await floor(sql, [...params]);
				await floor('DROP TABLE IF EXISTS bench_kept', []);
				return ms;
			};
			const runs = [await timed(), await timed(), await timed()].sort((a, b) => a - b);
			console.log(`floor, ${label}: median ${runs[1].toFixed(0)} ms (${runs.map((ms) => ms.toFixed(0)).join(', ')})`);
		}
	}
} finally {
	await session.close();
}
