import { execFileSync } from 'node:child_process';

/**
 * vitest's global setup: the compiled catalogues (src/lib/paraglide/, not committed) exist before any test
 * imports them. Its own process, as the inlang SDK keeps the one that compiles alive for half a minute.
 */
export default function setup() {
	execFileSync(process.execPath, ['scripts/compile-messages.js'], { stdio: 'inherit' });
}
