-- Silent members: silent-member-rule.sql at one clock, each with the messages they would have written since at their own pace, scaled by how much everyone else wrote since compared with during their active span.
WITH silence_clocks AS (
	SELECT 0 AS clock_index, ?::TIMESTAMP AS until_exclusive, ?::TIMESTAMP AS since, ?::DOUBLE AS min_days
), /* silent-member rule */, considered AS (
	SELECT author_id, sent_at FROM counted_messages
	WHERE (SELECT until_exclusive FROM silence_clocks) IS NULL OR sent_at < (SELECT until_exclusive FROM silence_clocks)
), at_instant AS (
	-- Messages at each instant and up to it: a first or last message is itself an instant here, so equi-joins find both.
	SELECT sent_at, count(*) AS here, sum(count(*)) OVER (ORDER BY sent_at) AS up_to FROM considered GROUP BY sent_at
), group_pace AS (
	SELECT s.author_id,
		l.up_to - (f.up_to - f.here) - s.messages AS others_in_span,
		(SELECT count(*) FROM considered) - l.up_to AS others_since
	FROM silent_members s
	JOIN at_instant f ON f.sent_at = s.first_at
	JOIN at_instant l ON l.sent_at = s.last_at
)
SELECT s.author_id, s.author_name, s.role,
	strftime(s.last_at, '%Y-%m-%d %H:%M:%S') AS last_message_at,
	s.days_silent::DOUBLE AS days_silent,
	s.usual_gap_days::DOUBLE AS usual_gap_days,
	s.messages::INTEGER AS messages,
	g.others_in_span::INTEGER AS others_messages_in_span,
	g.others_since::INTEGER AS others_messages_since,
	-- messages − 1: the span opens with the first message, so its pace is the messages after it.
	((s.messages - 1) * g.others_since / greatest(g.others_in_span, 1))::DOUBLE AS expected_messages
FROM silent_members s
JOIN group_pace g USING (author_id)
ORDER BY s.days_silent DESC, s.author_id
