import { pathToFileURL } from 'node:url';
import { createNativeDb } from '../src/lib/db/duckdb-native';

/**
 * The plain native DuckDB floor for `resonance analyze` of a Resonance CSV or a Parquet dataset: read it into a
 * table, count messages by month, and count previous-message role links (mentor→student and so on).
 * Returns wall-clock milliseconds; `npx tsx bench/native-floor.ts FILE [--memory-limit 2GB]` prints them.
 */
export async function nativeFloorMs(path: string, memory_limit?: string): Promise<number> {
	const db = await createNativeDb({ memory_limit });
	const started = performance.now();
	try {
		const read = /\.parquet$/i.test(path)
			? `read_parquet(?)`
			: `read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
				columns = {'message_id': 'VARCHAR', 'timestamp': 'TIMESTAMP', 'author': 'VARCHAR', 'role': 'VARCHAR', 'text': 'VARCHAR',
					'likes': 'INTEGER', 'reply_to': 'VARCHAR', 'kind': 'VARCHAR'})`;
		const sent_at = /\.parquet$/i.test(path) ? 'sent_at' : 'timestamp';
		await db.query(`CREATE TABLE floor_messages AS SELECT ${sent_at} AS sent_at, ${/\.parquet$/i.test(path) ? 'author_id' : 'author'} AS author, role FROM ${read}`, [path]);
		await db.query(`SELECT date_trunc('month', sent_at) AS month, count(*)::INTEGER AS messages FROM floor_messages GROUP BY ALL ORDER BY month`);
		await db.query(`SELECT previous_role, role, count(*)::INTEGER AS links FROM (
			SELECT role, author, lag(role) OVER w AS previous_role, lag(author) OVER w AS previous_author FROM floor_messages WINDOW w AS (ORDER BY sent_at)
		) WHERE previous_author <> author GROUP BY ALL`);
		return performance.now() - started;
	} finally {
		await db.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [path, flag, limit] = process.argv.slice(2);
	console.log(Math.round(await nativeFloorMs(path, flag === '--memory-limit' ? limit : undefined)));
}
