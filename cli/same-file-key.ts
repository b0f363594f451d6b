import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * A key equal for two paths exactly when they name the same file: device and inode for a file that
 * exists (so symlinks and hard links meet), the real path for one that does not exist yet.
 */
export function sameFileKey(path: string): string {
	const absolute = resolve(path);
	if (existsSync(absolute)) {
		const { dev, ino } = statSync(absolute);
		return `inode:${dev}:${ino}`;
	}
	const folder = dirname(absolute);
	return `path:${join(existsSync(folder) ? realpathSync(folder) : folder, basename(absolute))}`;
}
