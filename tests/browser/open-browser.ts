import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium';
import { startStaticServer } from '../../scripts/static-server';

export interface BrowserSession {
	browser: Browser;
	url: string;
	/** Every request a page made whose origin was not the site's (data: and blob: URLs are local). */
	offOrigin: string[];
	/** A page in a fresh context; `timezoneId` sets the browser's own zone (default: the machine's). */
	newPage(options?: { timezoneId?: string }): Promise<Page>;
	close(): Promise<void>;
}

/** Serves build/ and launches headless Chromium with its background networking off. */
export async function openBrowser(): Promise<BrowserSession> {
	const server = await startStaticServer('build');
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
	});
	const offOrigin: string[] = [];
	const origin = new URL(server.url).origin;
	return {
		browser,
		url: server.url,
		offOrigin,
		async newPage(options = {}) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
			const page = await context.newPage();
			page.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).origin !== origin) offOrigin.push(url);
			});
			return page;
		},
		async close() {
			await browser.close();
			await server.close();
		}
	};
}
