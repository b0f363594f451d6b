-- Monthly series: every calendar month from the first to the last counted message, empty months as 0.
WITH first_months AS (
	SELECT author_id, min(date_trunc('month', sent_at)) AS month_start
	FROM counted_messages GROUP BY author_id
), months AS (
	SELECT unnest(generate_series(min(date_trunc('month', sent_at)), max(date_trunc('month', sent_at)), INTERVAL 1 MONTH)) AS month_start
	FROM counted_messages
), per_month AS (
	SELECT date_trunc('month', sent_at) AS month_start,
		count(*) AS messages,
		sum(words) AS words,
		sum(likes) AS likes,
		count(DISTINCT author_id) AS active_members,
		count(DISTINCT author_id) FILTER (WHERE role = 'student') AS active_students,
		count(*) FILTER (WHERE role = 'mentor') AS mentor_messages
	FROM counted_messages GROUP BY 1
), new_per_month AS (
	SELECT month_start, count(*) AS new_members FROM first_months GROUP BY 1
), has_likes AS (
	SELECT bool_or(likes IS NOT NULL) AS any_likes FROM messages
)
SELECT strftime(m.month_start, '%Y-%m') AS month,
	coalesce(p.messages, 0)::INTEGER AS messages,
	coalesce(p.words, 0)::INTEGER AS words,
	CASE WHEN h.any_likes THEN coalesce(p.likes, 0)::INTEGER END AS likes,
	coalesce(p.active_members, 0)::INTEGER AS active_members,
	coalesce(p.active_students, 0)::INTEGER AS active_students,
	coalesce(n.new_members, 0)::INTEGER AS new_members,
	coalesce(p.mentor_messages, 0)::INTEGER AS mentor_messages,
	CASE WHEN coalesce(p.messages, 0) > 0 THEN (p.mentor_messages / p.messages)::DOUBLE END AS mentor_share
FROM months m
CROSS JOIN has_likes h
LEFT JOIN per_month p USING (month_start)
LEFT JOIN new_per_month n USING (month_start)
ORDER BY m.month_start
