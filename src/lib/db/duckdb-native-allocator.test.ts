import { expect, test } from 'vitest';
import { createNativeDb } from './duckdb-native';

test('the native engine gives freed memory back past 16 MiB (64 MiB after a bulk free) instead of keeping 128/512 MiB', async () => {
	const db = await createNativeDb({ memory_limit: '256MiB' });
	try {
		expect(
			await db.query(
				`SELECT current_setting('allocator_flush_threshold') AS flush, current_setting('allocator_bulk_deallocation_flush_threshold') AS bulk,
					current_setting('allocator_background_threads') AS background`
			)
		).toEqual([{ flush: '16.0 MiB', bulk: '64.0 MiB', background: true }]);
	} finally {
		await db.close();
	}
});
