-- Member profile: one member's counted messages in every calendar month from the dataset's first to last counted message (empty months 0), their words (null until every one is counted), likes on them (null when none carries a like count), and their first and last counted message.
WITH months AS (
	SELECT unnest(generate_series(min(date_trunc('month', sent_at)), max(date_trunc('month', sent_at)), INTERVAL 1 MONTH)) AS month_start
	FROM counted_messages
), own AS (
	SELECT sent_at, words, likes FROM counted_messages WHERE author_id = $1
), per_month AS (
	SELECT date_trunc('month', sent_at) AS month_start, count(*) AS messages FROM own GROUP BY ALL
)
SELECT m.author_id, m.author_name, m.other_names, m.role,
	coalesce((
		SELECT list({'month': strftime(mo.month_start, '%Y-%m'), 'messages': coalesce(p.messages, 0)::INTEGER} ORDER BY mo.month_start)
		FROM months mo LEFT JOIN per_month p USING (month_start)
	), []) AS monthly,
	(SELECT count(*)::INTEGER FROM own) AS messages,
	(SELECT CASE WHEN count(words) = count(*) THEN coalesce(sum(words), 0)::INTEGER END FROM own) AS words,
	(SELECT sum(likes)::INTEGER FROM own) AS likes_received,
	(SELECT strftime(min(sent_at), '%Y-%m-%d %H:%M:%S') FROM own) AS first_message_at,
	(SELECT strftime(max(sent_at), '%Y-%m-%d %H:%M:%S') FROM own) AS last_message_at
FROM members m
WHERE m.author_id = $1
