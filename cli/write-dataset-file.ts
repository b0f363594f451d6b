import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '../src/lib/db/db';
import { DATASET_COLUMNS } from '../src/lib/ingest/dataset/dataset-columns';
import type { DatasetFileMetadata } from '../src/lib/ingest/dataset/dataset-file-metadata';

/**
 * Writes the loaded `messages` to `path` with `metadata`: as zstd Parquet with the metadata as its key-value
 * metadata `resonance` when `path` ends in .parquet, else as a DuckDB database file (tables `messages` and
 * `resonance_dataset`) in the storage format duckdb-wasm 1.4 reads. The file is written beside `path` and
 * renamed over it, so a write cut short leaves whatever was there whole.
 */
export async function writeDatasetFile(db: Db, path: string, metadata: DatasetFileMetadata): Promise<void> {
	const target = resolve(path);
	const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
	const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
	const columns = DATASET_COLUMNS.map(([name]) => name).join(', ');
	try {
		if (/\.parquet$/i.test(path)) {
			await db.exec(`COPY (SELECT ${columns} FROM messages) TO ${literal(temporary)}
				(FORMAT parquet, COMPRESSION zstd, KV_METADATA {resonance: ${literal(JSON.stringify(metadata))}})`);
		} else {
			await db.exec(`ATTACH ${literal(temporary)} AS dataset_out (STORAGE_VERSION 'v1.4.0');
				CREATE TABLE dataset_out.messages AS SELECT ${columns} FROM messages;
				CREATE TABLE dataset_out.resonance_dataset AS SELECT ${literal(JSON.stringify(metadata))} AS metadata;
				DETACH dataset_out`);
		}
		renameSync(temporary, target);
	} catch (error) {
		await db.exec('DETACH DATABASE IF EXISTS dataset_out').catch(() => undefined);
		rmSync(temporary, { force: true });
		rmSync(`${temporary}.wal`, { force: true });
		throw error;
	}
}
