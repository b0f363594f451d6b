-- Query trend: every period (calendar month, ISO week from Monday, or day) from the first to the last counted message, with its counted messages, those matching the query, and matching / messages (null without messages); per role when asked.
WITH grain AS (
	SELECT ?::VARCHAR AS part, ?::INTERVAL AS step, ?::BOOLEAN AS by_role
), stamped AS (
	SELECT date_trunc((SELECT part FROM grain), sent_at) AS period_start,
		CASE WHEN (SELECT by_role FROM grain) THEN role END AS role,
		/* query */ AS matches
	FROM counted_messages
), periods AS (
	SELECT unnest(generate_series(min(period_start), max(period_start), (SELECT step FROM grain))) AS period_start
	FROM stamped
), roles AS (
	SELECT DISTINCT role FROM stamped
), per_period AS (
	SELECT period_start, role, count(*) AS messages, count(*) FILTER (WHERE matches) AS matching
	FROM stamped GROUP BY period_start, role
)
SELECT strftime(p.period_start, '%Y-%m-%d') AS period_start,
	r.role,
	coalesce(c.messages, 0)::INTEGER AS messages,
	coalesce(c.matching, 0)::INTEGER AS matching,
	CASE WHEN c.messages > 0 THEN (c.matching / c.messages)::DOUBLE END AS share
FROM periods p
CROSS JOIN roles r
LEFT JOIN per_period c ON c.period_start = p.period_start AND c.role IS NOT DISTINCT FROM r.role
ORDER BY p.period_start, r.role NULLS LAST
