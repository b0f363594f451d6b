// `npm test`: lint, then every test. Unit tests (real DuckDB in Node), then the site is built and the browser
// tests drive it in Debian's Chromium, which is installed here when missing and possible.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	return result.status ?? 1;
}

function findOrInstallChromium() {
	const found = process.env.CHROMIUM_PATH || CHROMIUM.find((path) => existsSync(path));
	if (found) return found;
	const is_root = process.getuid?.() === 0;
	if (is_root && existsSync('/usr/bin/apt-get')) {
		console.log('Chromium is missing: installing Debian\'s chromium package (apt-get install -y chromium)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		if (run('apt-get', ['update', '-qq'], { env }) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) === 0) {
			return CHROMIUM.find((path) => existsSync(path));
		}
	}
	console.error(
		'The browser tests need Chromium and none is installed.\n' +
			'  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
			'  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium\n' +
			'Then run npm test again.'
	);
	return null;
}

function counts(report) {
	const json = JSON.parse(readFileSync(report, 'utf8'));
	return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
}

mkdirSync('test-results', { recursive: true });
// --update=none: a missing snapshot fails instead of being written.
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--update=none', '--reporter=default', '--reporter=json'];
const totals = { passed: 0, failed: 0, skipped: 0 };
// Some unit tests (chart accessibility, PNG export) need a browser too, so Chromium comes first.
const chromium = findOrInstallChromium();
if (!chromium) process.exit(1);
const lint_status = run('npm', ['run', 'lint']);
let status = run('node', [...vitest, '--outputFile=test-results/unit.json'], { env: { ...process.env, CHROMIUM_PATH: chromium } }) || lint_status;
if (existsSync('test-results/unit.json')) Object.entries(counts('test-results/unit.json')).forEach(([key, value]) => (totals[key] += value));

if (run('npm', ['run', 'build']) !== 0) status = 1;
else {
	const browser_status = run('node', [...vitest, '--config', 'vitest.browser.config.ts', '--outputFile=test-results/browser.json'], {
		env: { ...process.env, CHROMIUM_PATH: chromium }
	});
	if (existsSync('test-results/browser.json')) Object.entries(counts('test-results/browser.json')).forEach(([key, value]) => (totals[key] += value));
	status ||= browser_status;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
