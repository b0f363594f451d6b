-- Question months: per calendar month from the first to the last counted message (empty months included), for all askers (all_roles) and per asker role: questions, those with a first reply within the window, and the sorted minutes to every first reply.
WITH params AS (
	SELECT ?::DOUBLE AS window_minutes
), months AS (
	SELECT unnest(generate_series(date_trunc('month', min(sent_at)), date_trunc('month', max(sent_at)), INTERVAL 1 MONTH)) AS month_start
	FROM counted_messages
), askers AS (
	SELECT true AS all_roles, NULL::VARCHAR AS role
	UNION ALL
	SELECT DISTINCT false, role FROM first_replies WHERE is_question
), per_month AS (
	SELECT date_trunc('month', sent_at) AS month_start, role, grouping(role) = 1 AS all_roles,
		count(*) AS questions,
		count(*) FILTER (WHERE minutes_to_first_reply <= (SELECT window_minutes FROM params)) AS replied,
		list(minutes_to_first_reply ORDER BY minutes_to_first_reply) FILTER (WHERE minutes_to_first_reply IS NOT NULL) AS minutes
	FROM first_replies WHERE is_question
	GROUP BY GROUPING SETS ((date_trunc('month', sent_at)), (date_trunc('month', sent_at), role))
)
SELECT strftime(m.month_start, '%Y-%m') AS month, a.all_roles, a.role,
	coalesce(p.questions, 0)::INTEGER AS questions,
	coalesce(p.replied, 0)::INTEGER AS replied,
	coalesce(p.minutes, []::DOUBLE[]) AS minutes_to_first_reply
FROM months m
CROSS JOIN askers a
LEFT JOIN per_month p ON p.month_start = m.month_start AND p.all_roles = a.all_roles AND p.role IS NOT DISTINCT FROM a.role
ORDER BY m.month_start, a.all_roles DESC, a.role NULLS LAST
