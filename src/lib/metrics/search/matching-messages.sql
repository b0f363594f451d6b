-- Matching messages: the counted messages inside the filters, in message order (time, then id, as the links order them), one page of them, with the parent, its author and the rule of their interaction link.
WITH page AS (
	SELECT message_id, sent_at, author_id, author_name, role, text, likes
	FROM counted_messages
	WHERE /* filters */
	ORDER BY sent_at, length(message_id), message_id
	LIMIT ? OFFSET ?
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
LEFT JOIN /* links */ l USING (message_id)
LEFT JOIN messages parent ON parent.message_id = l.parent_id
ORDER BY p.sent_at, length(p.message_id), p.message_id
