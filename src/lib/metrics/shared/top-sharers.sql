-- The members who shared most: links, media and emoji (shared_items) together, most first, then likes their counted messages received, then author_id; the first ? rows.
WITH items AS (
	SELECT author_id,
		count(*) FILTER (WHERE item = 'link') AS links,
		count(*) FILTER (WHERE item = 'media') AS media,
		count(*) FILTER (WHERE item = 'emoji') AS emoji
	FROM shared_items
	GROUP BY author_id
), likes AS (
	SELECT author_id, sum(likes) AS likes_received FROM counted_messages GROUP BY author_id HAVING sum(likes) > 0
), sharers AS (
	SELECT author_id FROM items UNION SELECT author_id FROM likes
)
SELECT s.author_id, coalesce(p.author_name, s.author_id) AS author,
	coalesce(i.links, 0)::INTEGER AS links,
	coalesce(i.media, 0)::INTEGER AS media,
	coalesce(i.emoji, 0)::INTEGER AS emoji,
	coalesce(l.likes_received, 0)::INTEGER AS likes_received
FROM sharers s
LEFT JOIN items i ON i.author_id = s.author_id
LEFT JOIN likes l ON l.author_id = s.author_id
LEFT JOIN members p ON p.author_id = s.author_id
ORDER BY links + media + emoji DESC, likes_received DESC, s.author_id
LIMIT ?
