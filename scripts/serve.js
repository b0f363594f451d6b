// Serves the built site (build/) on localhost: the static files, nothing else.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error(`No built site in ${root}: run npm run build first.`);
	process.exit(1);
}

createServer((request, response) => {
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
	let file = normalize(join(root, path));
	if (!file.startsWith(root)) {
		response.writeHead(403).end();
		return;
	}
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	if (!existsSync(file)) {
		response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		return;
	}
	response.writeHead(200, {
		'content-type': types[extname(file)] ?? 'application/octet-stream',
		'cache-control': 'no-cache',
		'x-content-type-options': 'nosniff'
	});
	createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => {
	console.log(`Resonance is running at http://localhost:${port}/ (Ctrl+C stops it)`);
});
