import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's package; throws with what to do when none is installed. */
export function findChromium(): string {
	const chosen = process.env.CHROMIUM_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
	if (!chosen || !existsSync(chosen)) {
		throw new Error('Chromium is not installed. Install Debian\'s package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
	}
	return chosen;
}
