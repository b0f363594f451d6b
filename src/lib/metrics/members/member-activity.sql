-- Member × month activity: counted messages of every member (roster lurkers included) in every month of the series.
WITH months AS (
	SELECT unnest(generate_series(min(date_trunc('month', sent_at)), max(date_trunc('month', sent_at)), INTERVAL 1 MONTH)) AS month_start
	FROM counted_messages
), counts AS (
	SELECT author_id, date_trunc('month', sent_at) AS month_start, count(*) AS messages
	FROM counted_messages GROUP BY ALL
), people AS (
	SELECT author_id, author_name, other_names, role, role_assumed, hint, cohort, first_seen FROM counted_members
)
SELECT p.author_id, p.author_name, p.other_names, p.role, p.role_assumed, p.hint, p.cohort,
	list(coalesce(c.messages, 0)::INTEGER ORDER BY m.month_start) AS monthly_messages,
	coalesce(sum(c.messages), 0)::INTEGER AS messages
FROM people p
CROSS JOIN months m
LEFT JOIN counts c ON c.author_id = p.author_id AND c.month_start = m.month_start
GROUP BY p.author_id, p.author_name, p.other_names, p.role, p.role_assumed, p.hint, p.cohort, p.first_seen
ORDER BY (p.role = 'mentor') DESC NULLS LAST, p.first_seen NULLS LAST, p.author_name
