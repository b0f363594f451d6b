-- Silent members: days from their last counted message to the clock > their own 95th-percentile gap between messages (numpy-linear, from 3 messages on) and ≥ min_days; mentors left out.
WITH params AS (
	SELECT ?::TIMESTAMP AS until_exclusive, ?::TIMESTAMP AS since, ?::DOUBLE AS min_days
), considered AS (
	SELECT author_id, sent_at FROM counted_messages
	WHERE (SELECT until_exclusive FROM params) IS NULL OR sent_at < (SELECT until_exclusive FROM params)
), clock AS (
	SELECT coalesce(least((SELECT until_exclusive FROM params), max(sent_at)), max(sent_at)) AS as_of FROM counted_messages
), gaps AS (
	SELECT author_id, sent_at,
		(epoch_ms(sent_at) - epoch_ms(lag(sent_at) OVER (PARTITION BY author_id ORDER BY sent_at))) / 86400000.0 AS gap_days
	FROM considered
), per_member AS (
	SELECT author_id, count(*) AS messages, max(sent_at) AS last_at, quantile_cont(gap_days, 0.95) AS gap_p95
	FROM gaps GROUP BY author_id
), measured AS (
	SELECT p.author_id, m.author_name, m.role, p.last_at, p.messages,
		(epoch_ms(c.as_of) - epoch_ms(p.last_at)) / 86400000.0 AS days_silent,
		CASE WHEN p.messages >= 3 THEN p.gap_p95 END AS usual_gap_days
	FROM per_member p
	JOIN members m USING (author_id)
	CROSS JOIN clock c
	WHERE m.role IS DISTINCT FROM 'mentor'
)
SELECT author_id, author_name, role,
	strftime(last_at, '%Y-%m-%d %H:%M:%S') AS last_message_at,
	days_silent::DOUBLE AS days_silent,
	usual_gap_days::DOUBLE AS usual_gap_days,
	messages::INTEGER AS messages
FROM measured, params
WHERE days_silent >= min_days
	AND (usual_gap_days IS NULL OR days_silent > usual_gap_days)
	AND (since IS NULL OR last_at >= since)
ORDER BY days_silent DESC, author_id
