-- Member merges: every imported member a `from` key names (by id, or by name when no member has that id) is counted as the member its `into` key names.
CREATE OR REPLACE TABLE member_merges AS
WITH keys AS (
	SELECT into_key AS key FROM member_merge_keys UNION SELECT from_key FROM member_merge_keys
), key_members AS (
	SELECT k.key, m.author_id, m.messages FROM keys k JOIN imported_members m ON m.author_id = k.key
	UNION ALL
	SELECT k.key, m.author_id, m.messages FROM keys k JOIN imported_members m ON m.author_name = k.key
	WHERE NOT EXISTS (SELECT 1 FROM imported_members i WHERE i.author_id = k.key)
), intos AS (
	SELECT key, arg_max(author_id, messages) AS into_id FROM key_members GROUP BY key
), pairs AS (
	SELECT f.author_id, i.into_id
	FROM member_merge_keys k JOIN intos i ON i.key = k.into_key JOIN key_members f ON f.key = k.from_key
	WHERE f.author_id <> i.into_id
)
SELECT author_id, min(into_id) AS into_id FROM pairs
WHERE author_id NOT IN (SELECT into_id FROM pairs)
GROUP BY author_id;

CREATE OR REPLACE TABLE members AS
WITH grouped AS (
	SELECT coalesce(mm.into_id, m.author_id) AS member_id, m.author_id, m.first_seen, m.last_seen, m.messages
	FROM imported_members m LEFT JOIN member_merges mm USING (author_id)
), names AS (
	SELECT g.member_id, n.author_name, min(n.first_used) AS first_used
	FROM grouped g JOIN (
		SELECT author_id, author_name, first_used FROM member_names
		UNION ALL SELECT author_id, author_name, NULL FROM imported_members
	) n USING (author_id)
	GROUP BY ALL
), totals AS (
	SELECT member_id, min(first_seen) AS first_seen, max(last_seen) AS last_seen, sum(messages)::INTEGER AS messages
	FROM grouped GROUP BY member_id
)
SELECT i.author_id, i.author_name, i.role, i.cohort, t.first_seen, t.last_seen, t.messages, i.imported_role, false AS role_assumed, i.hint,
	coalesce((SELECT list(n.author_name ORDER BY n.first_used NULLS LAST, n.author_name) FROM names n
		WHERE n.member_id = i.author_id AND n.author_name <> i.author_name), []::VARCHAR[]) AS other_names
FROM imported_members i JOIN totals t ON t.member_id = i.author_id;
