import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to `path` with exactly `mode`, by writing a new file beside it and renaming it over
 * `path`: an existing file keeps no mode of its own, a symlink or hard link at `path` is replaced rather
 * than written through, and a write cut short leaves the old file whole.
 */
export function replaceFile(path: string, content: string, mode: number): void {
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
	try {
		writeFileSync(temporary, content, { mode, flag: 'wx' });
		chmodSync(temporary, mode);
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}
