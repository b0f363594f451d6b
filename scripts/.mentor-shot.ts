// throwaway (not committed): open a view, run clicks, screenshot at a width
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server';
import { findChromium } from './find-chromium';
const [out, path, width = '1280', action = '', file = ''] = process.argv.slice(2);
const server = await startStaticServer('build');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
	const page = await browser.newPage({ viewport: { width: +width, height: 800 } });
	await page.goto(server.url + path);
	await page.locator('#view-panel section').first().waitFor({ timeout: 90_000 });
	if (file) await page.getByTestId('file-input').setInputFiles(file);
	await page.waitForTimeout(1500);
	await page.waitForFunction(() => !document.querySelector('[role=status] progress') && !document.querySelector('[aria-busy=true]'), null, { timeout: 300_000 });
	if (action) await eval(action);
	await page.waitForTimeout(1200);
	await page.screenshot({ path: out, fullPage: action === '' });
	console.log('wrote', out, page.url());
} finally {
	await browser.close();
	await server.close();
}
