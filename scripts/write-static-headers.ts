// Runs after `vite build`: writes build/_headers (the Netlify / Cloudflare Pages format, read by
// scripts/static-server.ts too) with the pages' own Content-Security-Policy plus what a <meta> policy
// cannot say: frame-ancestors, so no other site can frame the dashboard.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BUILD = resolve(process.argv[2] ?? 'build');
const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

const pages = readdirSync(BUILD, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
const directives = new Map<string, Set<string>>();
for (const page of pages) {
	const policy = META_POLICY.exec(readFileSync(join(BUILD, page), 'utf8'))?.[1];
	if (!policy) throw new Error(`${page} has no Content-Security-Policy <meta>; svelte.config.js sets one for every page`);
	for (const directive of policy.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
		const [name, ...sources] = directive.split(/\s+/);
		// every page's inline-script hashes are allowed on every page: one policy for the whole site
		directives.set(name, new Set([...(directives.get(name) ?? []), ...sources]));
	}
}
directives.set('frame-ancestors', new Set(["'none'"]));
const policy = [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

writeFileSync(
	join(BUILD, '_headers'),
	[
		'# Response headers for static hosting (Netlify, Cloudflare Pages); `npm start` sends the same.',
		'/*',
		`  Content-Security-Policy: ${policy}`,
		'  X-Frame-Options: DENY',
		'  X-Content-Type-Options: nosniff',
		'  Referrer-Policy: no-referrer',
		'  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
		''
	].join('\n')
);
console.log(`build/_headers: the Content-Security-Policy of ${pages.length} page(s) with frame-ancestors 'none'`);
