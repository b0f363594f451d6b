// Opens the built site in headless Chromium and saves a PNG:
// `tsx scripts/screenshot.ts OUT.png [URL_PATH] [--file PATH] [--when SELECTOR]`.
// Without --when it waits until nothing is loading or computing; with it, until SELECTOR is on the page.
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server';
import { findChromium } from './find-chromium';

const flag = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const file = flag('--file');
const when = flag('--when');
const [out = 'screenshot.png', path = '/'] = process.argv.slice(2).filter((arg, index, args) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const server = await startStaticServer('build');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	page.on('console', (message) => console.log('console:', message.text()));
	await page.goto(server.url + path);
	await page.locator('#view-panel section').first().waitFor({ timeout: 60_000 });
	if (file) await page.getByTestId('file-input').setInputFiles(file);
	if (when) await page.locator(when).first().waitFor({ timeout: 600_000 });
	else {
		await page.waitForTimeout(500);
		await page.waitForFunction(() => !document.querySelector('[role=status] progress') && !document.querySelector('[aria-busy=true]'), null, { timeout: 600_000 });
	}
	await page.waitForTimeout(300);
	await page.screenshot({ path: out, fullPage: true });
	console.log(`wrote ${out}`);
} finally {
	await browser.close();
	await server.close();
}
