import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const SEED = 20_261_202;
const RUNS = Math.round(300 * Number(process.env.FUZZ_SCALE ?? 1));
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; object-src 'none'";

let folder: string;
let server: { url: string; close: () => Promise<void> };
let port: string;

/** A raw request to the test server only: the path is sent exactly as given, bounded to 5 s. */
function get(path: string, options: { host?: string; method?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
	return new Promise((done, fail) => {
		const sent = request(
			{ host: '127.0.0.1', port: Number(port), path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` }, timeout: 5000 },
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () => done({ status: response.statusCode!, headers: response.headers, body }));
			}
		);
		sent.on('timeout', () => sent.destroy(new Error(`timed out: ${path}`)));
		sent.on('error', fail);
		sent.end();
	});
}

beforeAll(async () => {
	folder = mkdtempSync(resolve(tmpdir(), 'resonance-server-'));
	mkdirSync(resolve(folder, 'build/app'), { recursive: true });
	const page = `<html><head><meta http-equiv="content-security-policy" content="${POLICY}"></head><body>dashboard</body></html>`;
	writeFileSync(resolve(folder, 'build/index.html'), page);
	writeFileSync(resolve(folder, 'build/app/a.txt'), 'inside');
	// next to build/, with a name that starts with "build"
	writeFileSync(resolve(folder, 'buildx.txt'), 'secret next to the site');
	await run('npx', ['tsx', 'scripts/write-static-headers.ts', resolve(folder, 'build')], { cwd: root });
	server = await startStaticServer(resolve(folder, 'build'));
	port = new URL(server.url).port;
}, 120_000);
afterAll(async () => {
	await server?.close();
});

describe('startStaticServer', () => {
	it('answers a broken %-escape (GET /%) with 400 and keeps serving', async () => {
		expect((await get('/%')).status).toBe(400);
		expect((await get('/%E0%A4%A')).status).toBe(400);
		expect(await get('/')).toMatchObject({ status: 200, body: expect.stringContaining('dashboard') });
	});

	it('serves nothing outside its folder, not even a sibling whose name starts with the folder name', async () => {
		for (const path of ['/..%2fbuildx.txt', '/../buildx.txt', '/%2e%2e/buildx.txt', '/app/..%2f..%2fbuildx.txt', '/%2e%2e%5cbuildx.txt']) {
			const response = await get(path);
			expect({ path, status: response.status, leaked: response.body.includes('secret') }).toEqual({ path, status: expect.any(Number), leaked: false });
			expect([403, 404]).toContain(response.status);
		}
		expect(await get('/app/a.txt')).toMatchObject({ status: 200, body: 'inside' });
	});

	it('answers only requests for its own host and port (no DNS rebinding), and only GET and HEAD', async () => {
		expect((await get('/', { host: 'evil.example' })).status).toBe(421);
		expect((await get('/', { host: `evil.example:${port}` })).status).toBe(421);
		expect((await get('/', { host: `localhost:${port}` })).status).toBe(200);
		expect((await get('/', { method: 'POST' })).status).toBe(405);
		expect(await get('/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
	});

	it("sends the _headers written from the pages' own policy, with frame-ancestors 'none', on every response", async () => {
		const headers_file = readFileSync(resolve(folder, 'build/_headers'), 'utf8');
		expect(headers_file).toContain(`/*\n  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'\n  X-Frame-Options: DENY\n`);
		for (const path of ['/', '/app/a.txt', '/missing', '/%']) {
			const { headers } = await get(path);
			expect({ path, csp: headers['content-security-policy'], frame: headers['x-frame-options'] }).toEqual({
				path,
				csp: `${POLICY}; frame-ancestors 'none'`,
				frame: 'DENY'
			});
		}
	});

	it(`${RUNS} hostile paths (seed ${SEED}): the server never stops, never serves a file outside its folder, answers 200, 400, 403 or 404`, async () => {
		const piece = fc.constantFrom('..', '.', '%', '%2f', '%2F', '%5c', '%2e', '%2e%2e', '%00', '%E0%A4', '%ZZ', '/', '\\', 'buildx.txt', 'app', 'a.txt', 'index.html', '~', '?', '#', '%25', 'é', ' ');
		await fc.assert(
			fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
				const path = '/' + pieces.join('').replace(/[ é]/g, (char) => encodeURIComponent(char));
				const response = await get(path);
				expect([200, 400, 403, 404]).toContain(response.status);
				expect(response.body).not.toContain('secret');
			}),
			{ seed: SEED, numRuns: RUNS }
		);
		expect((await get('/')).status).toBe(200);
	}, 120_000);
});
