-- Reply network per stage: who (author) answers whom (parent author), counted over the stage's linked messages;
-- with $1 true, of the whole dataset instead (stage -1), which a change of stages leaves alone.
WITH scoped AS (
	-- the stage_messages rule (end days inclusive), on the links table's own times
	SELECT s.stage_index, l.author_id, l.parent_author_id
	FROM links l JOIN stages s ON l.sent_at >= s.start_day AND l.sent_at < s.end_day + INTERVAL 1 DAY
	WHERE NOT $1
	UNION ALL
	SELECT -1, l.author_id, l.parent_author_id FROM links l WHERE $1
), edges AS (
	SELECT stage_index, author_id AS source, parent_author_id AS target, count(*)::INTEGER AS count
	FROM scoped WHERE parent_author_id IS NOT NULL AND parent_author_id <> author_id
	GROUP BY ALL
), nodes AS (
	SELECT stage_index, author_id, count(*)::INTEGER AS messages FROM scoped GROUP BY ALL
)
SELECT n.stage_index, n.author_id AS id, mem.author_name AS label, mem.role, n.messages,
	coalesce((SELECT list({'target': e.target, 'count': e.count} ORDER BY e.target) FROM edges e
		WHERE e.stage_index = n.stage_index AND e.source = n.author_id), []) AS replies
FROM nodes n
JOIN members mem ON mem.author_id = n.author_id
ORDER BY n.stage_index, n.messages DESC, n.author_id
