// Opens the built site in headless Chromium and saves a PNG: `tsx scripts/screenshot.ts OUT.png [URL_PATH] [--file PATH]`.
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server';
import { findChromium } from './find-chromium';

const [out = 'screenshot.png', path = '/'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const file_flag = process.argv.indexOf('--file');
const server = await startStaticServer('build');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	page.on('console', (message) => console.log('console:', message.text()));
	await page.goto(server.url + path);
	await page.locator('#view-panel section').first().waitFor({ timeout: 60_000 });
	if (file_flag > 0) {
		await page.getByTestId('file-input').setInputFiles(process.argv[file_flag + 1]);
		await page.waitForTimeout(3000);
	}
	await page.waitForTimeout(500);
	await page.screenshot({ path: out, fullPage: true });
	console.log(`wrote ${out}`);
} finally {
	await browser.close();
	await server.close();
}
