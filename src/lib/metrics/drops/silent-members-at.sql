-- Silent members: days from their last counted message to the clock > their own 95th-percentile gap between messages (numpy-linear, from 3 messages on) and ≥ min_days; mentors left out. Each comes with the messages they would have written since at their own pace, scaled by how much everyone else wrote since compared with during their active span.
WITH params AS (
	SELECT ?::TIMESTAMP AS until_exclusive, ?::TIMESTAMP AS since, ?::DOUBLE AS min_days
), considered AS (
	SELECT author_id, sent_at FROM counted_messages
	WHERE (SELECT until_exclusive FROM params) IS NULL OR sent_at < (SELECT until_exclusive FROM params)
), clock AS (
	SELECT coalesce(least((SELECT until_exclusive FROM params), max(sent_at)), max(sent_at)) AS as_of FROM counted_messages
), last_seen AS (
	SELECT author_id, count(*) AS messages, min(sent_at) AS first_at, max(sent_at) AS last_at FROM considered GROUP BY author_id
), candidates AS (
	-- Only members already silent for min_days can be silent, so only their gaps are computed.
	SELECT l.author_id, l.messages, l.first_at, l.last_at, (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 AS days_silent
	FROM last_seen l CROSS JOIN clock c CROSS JOIN params p
	WHERE (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 >= p.min_days
		AND (p.since IS NULL OR l.last_at >= p.since)
), gaps AS (
	SELECT author_id, (epoch_ms(sent_at) - epoch_ms(lag(sent_at) OVER (PARTITION BY author_id ORDER BY sent_at))) / 86400000.0 AS gap_days
	FROM considered WHERE author_id IN (SELECT author_id FROM candidates)
), usual_gaps AS (
	SELECT author_id, quantile_cont(gap_days, 0.95) AS gap_p95 FROM gaps GROUP BY author_id
), at_instant AS (
	-- Messages at each instant and up to it: a first or last message is itself an instant here, so equi-joins find both.
	SELECT sent_at, count(*) AS here, sum(count(*)) OVER (ORDER BY sent_at) AS up_to FROM considered GROUP BY sent_at
), group_pace AS (
	SELECT c.author_id,
		l.up_to - (f.up_to - f.here) - c.messages AS others_in_span,
		(SELECT count(*) FROM considered) - l.up_to AS others_since
	FROM candidates c
	JOIN at_instant f ON f.sent_at = c.first_at
	JOIN at_instant l ON l.sent_at = c.last_at
), measured AS (
	SELECT c.author_id, m.author_name, m.role, c.last_at, c.messages, c.days_silent,
		CASE WHEN c.messages >= 3 THEN u.gap_p95 END AS usual_gap_days,
		g.others_in_span, g.others_since
	FROM candidates c
	JOIN members m USING (author_id)
	JOIN group_pace g USING (author_id)
	LEFT JOIN usual_gaps u USING (author_id)
	WHERE m.role IS DISTINCT FROM 'mentor'
)
SELECT author_id, author_name, role,
	strftime(last_at, '%Y-%m-%d %H:%M:%S') AS last_message_at,
	days_silent::DOUBLE AS days_silent,
	usual_gap_days::DOUBLE AS usual_gap_days,
	messages::INTEGER AS messages,
	others_in_span::INTEGER AS others_messages_in_span,
	others_since::INTEGER AS others_messages_since,
	-- messages − 1: the span opens with the first message, so its pace is the messages after it.
	((messages - 1) * others_since / greatest(others_in_span, 1))::DOUBLE AS expected_messages
FROM measured
WHERE usual_gap_days IS NULL OR days_silent > usual_gap_days
ORDER BY days_silent DESC, author_id
