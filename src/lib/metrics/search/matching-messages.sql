-- One page of kept matches (keep-matches.sql), ranks ? to ?, with the parent, its author and the rule of their interaction
-- link. The page's first and last times (each given twice) let the scans of the messages and the links skip what is outside.
WITH page AS (
	SELECT k.rank, m.message_id, m.sent_at, m.author_id, m.author_name, m.role, m.text, m.likes
	FROM /* kept */ k
	JOIN counted_messages m USING (message_id)
	WHERE k.rank BETWEEN ? AND ? AND m.sent_at BETWEEN ?::TIMESTAMP AND ?::TIMESTAMP
)
SELECT p.message_id,
	strftime(p.sent_at, '%Y-%m-%d %H:%M:%S') AS timestamp,
	p.author_id,
	p.author_name AS author,
	p.role,
	coalesce(p.text, '') AS text,
	p.likes::INTEGER AS likes,
	l.parent_id,
	parent.author_name AS parent_author,
	l.rule
FROM page p
LEFT JOIN (SELECT message_id, parent_id, rule FROM /* links */ WHERE sent_at BETWEEN ?::TIMESTAMP AND ?::TIMESTAMP) l USING (message_id)
LEFT JOIN messages parent ON parent.message_id = l.parent_id
ORDER BY p.rank
