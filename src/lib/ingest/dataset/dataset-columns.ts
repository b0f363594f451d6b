/** The columns of `messages` a dataset file holds, in order, as DuckDB describes them (all but `import_id`). */
export const DATASET_COLUMNS: readonly (readonly [string, string])[] = [
	['message_id', 'VARCHAR'],
	['sent_at', 'TIMESTAMP'],
	['author_id', 'VARCHAR'],
	['author_name', 'VARCHAR'],
	['role', 'VARCHAR'],
	['text', 'VARCHAR'],
	['kind', 'VARCHAR'],
	['likes', 'INTEGER'],
	['reply_to', 'VARCHAR'],
	['source', 'VARCHAR'],
	['words', 'INTEGER']
];
