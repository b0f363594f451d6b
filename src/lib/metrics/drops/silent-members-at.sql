-- Silent members: days from their last counted message to the clock > their own 95th-percentile gap between messages (numpy-linear, from 3 messages on) and ≥ min_days; mentors left out.
WITH params AS (
	SELECT ?::TIMESTAMP AS until_exclusive, ?::TIMESTAMP AS since, ?::DOUBLE AS min_days
), considered AS (
	SELECT author_id, sent_at FROM counted_messages
	WHERE (SELECT until_exclusive FROM params) IS NULL OR sent_at < (SELECT until_exclusive FROM params)
), clock AS (
	SELECT coalesce(least((SELECT until_exclusive FROM params), max(sent_at)), max(sent_at)) AS as_of FROM counted_messages
), last_seen AS (
	SELECT author_id, count(*) AS messages, max(sent_at) AS last_at FROM considered GROUP BY author_id
), candidates AS (
	-- Only members already silent for min_days can be silent, so only their gaps are computed.
	SELECT l.author_id, l.messages, l.last_at, (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 AS days_silent
	FROM last_seen l CROSS JOIN clock c CROSS JOIN params p
	WHERE (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 >= p.min_days
		AND (p.since IS NULL OR l.last_at >= p.since)
), gaps AS (
	SELECT author_id, (epoch_ms(sent_at) - epoch_ms(lag(sent_at) OVER (PARTITION BY author_id ORDER BY sent_at))) / 86400000.0 AS gap_days
	FROM considered WHERE author_id IN (SELECT author_id FROM candidates)
), usual_gaps AS (
	SELECT author_id, quantile_cont(gap_days, 0.95) AS gap_p95 FROM gaps GROUP BY author_id
), measured AS (
	SELECT c.author_id, m.author_name, m.role, c.last_at, c.messages, c.days_silent,
		CASE WHEN c.messages >= 3 THEN u.gap_p95 END AS usual_gap_days
	FROM candidates c
	JOIN members m USING (author_id)
	LEFT JOIN usual_gaps u USING (author_id)
	WHERE m.role IS DISTINCT FROM 'mentor'
)
SELECT author_id, author_name, role,
	strftime(last_at, '%Y-%m-%d %H:%M:%S') AS last_message_at,
	days_silent::DOUBLE AS days_silent,
	usual_gap_days::DOUBLE AS usual_gap_days,
	messages::INTEGER AS messages
FROM measured
WHERE usual_gap_days IS NULL OR days_silent > usual_gap_days
ORDER BY days_silent DESC, author_id
