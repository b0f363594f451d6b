-- Links, media and emoji (shared_items) and likes on counted messages in every calendar month from the first counted or media message to the last, empty months as 0.
WITH months AS (
	SELECT unnest(generate_series(min(month_start), max(month_start), INTERVAL 1 MONTH)) AS month_start
	FROM (
		SELECT date_trunc('month', sent_at) AS month_start FROM counted_messages
		UNION ALL SELECT date_trunc('month', sent_at) FROM filtered_messages WHERE kind IN ('media', 'sticker')
	)
), items AS (
	SELECT month_start,
		count(*) FILTER (WHERE item = 'link') AS links,
		count(*) FILTER (WHERE item = 'media') AS media,
		count(*) FILTER (WHERE item = 'emoji') AS emoji
	FROM shared_items
	GROUP BY month_start
), likes AS (
	SELECT date_trunc('month', sent_at) AS month_start, sum(likes) AS likes FROM counted_messages GROUP BY ALL
)
SELECT strftime(m.month_start, '%Y-%m') AS month,
	coalesce(i.links, 0)::INTEGER AS links,
	coalesce(i.media, 0)::INTEGER AS media,
	coalesce(i.emoji, 0)::INTEGER AS emoji,
	coalesce(l.likes, 0)::INTEGER AS likes
FROM months m
LEFT JOIN items i ON i.month_start = m.month_start
LEFT JOIN likes l ON l.month_start = m.month_start
ORDER BY m.month_start
