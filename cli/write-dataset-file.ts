import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '../src/lib/db/db';
import { DATASET_COLUMNS } from '../src/lib/ingest/dataset-columns';
import type { DatasetFileMetadata } from '../src/lib/ingest/dataset-file-metadata';

/**
 * Writes the loaded `messages` to `path` as one zstd-compressed Parquet file with `metadata` as its
 * key-value metadata under `resonance`. The file is written beside `path` and renamed over it, so a write cut
 * short leaves whatever was there whole.
 */
export async function writeDatasetFile(db: Db, path: string, metadata: DatasetFileMetadata): Promise<void> {
	const target = resolve(path);
	const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
	const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
	try {
		await db.exec(`COPY (SELECT ${DATASET_COLUMNS.map(([name]) => name).join(', ')} FROM messages) TO ${literal(temporary)}
			(FORMAT parquet, COMPRESSION zstd, KV_METADATA {resonance: ${literal(JSON.stringify(metadata))}})`);
		renameSync(temporary, target);
	} catch (error) {
		rmSync(temporary, { force: true });
		throw error;
	}
}
