import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * Serves a built site on 127.0.0.1 (a free port unless one is given): `npm start`, browser tests,
 * benchmarks. Only GET and HEAD, only for a Host naming this machine and port (so a page elsewhere
 * cannot reach it through DNS rebinding), only files inside `directory`, with the headers of its
 * `_headers` file (scripts/write-static-headers.ts).
 */
export async function startStaticServer(directory: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
	const root = resolve(directory);
	if (!existsSync(join(root, 'index.html'))) throw new Error(`No built site in ${root}: run npm run build first.`);
	const site_headers = siteHeaders(join(root, '_headers'));
	let hosts = new Set<string>();
	const server: Server = createServer((request, response) => {
		try {
			serve(request, response);
		} catch {
			if (!response.headersSent) response.writeHead(500, site_headers);
			response.end();
		}
	});
	const serve = (request: IncomingMessage, response: ServerResponse) => {
		const refuse = (status: number, reason: string) => void response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...site_headers }).end(reason);
		if (!hosts.has((request.headers.host ?? '').toLowerCase())) return refuse(421, 'unknown host');
		if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
		let path: string;
		try {
			path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		} catch {
			return refuse(400, 'bad request');
		}
		let file = join(root, path);
		const inside = relative(root, file);
		if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) || path.includes('\0')) return refuse(403, 'forbidden');
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file) || !statSync(file).isFile()) return refuse(404, 'not found');
		response.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			'x-content-type-options': 'nosniff',
			...site_headers
		});
		if (request.method === 'HEAD') return void response.end();
		createReadStream(file)
			.on('error', () => response.destroy())
			.pipe(response);
	};
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	const address = server.address() as AddressInfo;
	hosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}

/** The headers a `_headers` file gives every path (`/*`); none when the file is missing. */
function siteHeaders(path: string): Record<string, string> {
	if (!existsSync(path)) return {};
	const headers: Record<string, string> = {};
	let for_all = false;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) for_all = line.trim() === '/*';
		else if (for_all) {
			const colon = line.indexOf(':');
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
	}
	return headers;
}
