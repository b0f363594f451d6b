-- Activity series: every period (calendar month, ISO week from Monday, or day) from the first to the last counted message, empty periods as 0;
-- coverage = the share of the period's days inside the first-to-last counted day span.
WITH grain AS (
	SELECT ?::VARCHAR AS part, ?::INTERVAL AS step
), stamped AS (
	SELECT date_trunc((SELECT part FROM grain), sent_at) AS period_start, author_id, role, words, likes
	FROM counted_messages
), first_periods AS (
	-- new in the whole chat, so a filter's first period does not make everyone new
	SELECT author_id, date_trunc((SELECT part FROM grain), min(sent_at)) AS period_start
	FROM kept_messages WHERE author_id IN (SELECT author_id FROM stamped) GROUP BY author_id
), span AS (
	SELECT min(sent_at)::DATE AS first_day, max(sent_at)::DATE + 1 AS after_last_day FROM counted_messages
), periods AS (
	SELECT unnest(generate_series(min(period_start), max(period_start), (SELECT step FROM grain))) AS period_start
	FROM stamped
), per_period AS (
	SELECT period_start,
		count(*) AS messages,
		-- Unknown (NULL) until every message of the period has its words counted (Chinese is counted after the first chart).
		CASE WHEN count(words) = count(*) THEN sum(words) END AS words,
		sum(likes) AS likes,
		count(DISTINCT author_id) AS active_members,
		count(DISTINCT author_id) FILTER (WHERE role = 'student') AS active_students,
		count(*) FILTER (WHERE role = 'mentor') AS mentor_messages
	FROM stamped GROUP BY 1
), new_per_period AS (
	SELECT period_start, count(*) AS new_members FROM first_periods GROUP BY 1
), has_likes AS (
	SELECT bool_or(likes IS NOT NULL) AS any_likes FROM messages
)
SELECT strftime(p.period_start, '%Y-%m-%d') AS period_start,
	coalesce(c.messages, 0)::INTEGER AS messages,
	CASE WHEN c.period_start IS NULL THEN 0 ELSE c.words::INTEGER END AS words,
	CASE WHEN h.any_likes THEN coalesce(c.likes, 0)::INTEGER END AS likes,
	coalesce(c.active_members, 0)::INTEGER AS active_members,
	coalesce(c.active_students, 0)::INTEGER AS active_students,
	coalesce(n.new_members, 0)::INTEGER AS new_members,
	coalesce(c.mentor_messages, 0)::INTEGER AS mentor_messages,
	CASE WHEN coalesce(c.messages, 0) > 0 THEN (c.mentor_messages / c.messages)::DOUBLE END AS mentor_share,
	(datediff('day', greatest(p.period_start::DATE, s.first_day), least((p.period_start + (SELECT step FROM grain))::DATE, s.after_last_day))
		/ datediff('day', p.period_start::DATE, (p.period_start + (SELECT step FROM grain))::DATE))::DOUBLE AS coverage
FROM periods p
CROSS JOIN has_likes h
CROSS JOIN span s
LEFT JOIN per_period c USING (period_start)
LEFT JOIN new_per_period n USING (period_start)
ORDER BY p.period_start
