-- Period activity: per period of period_spans, the series metrics of its period_messages (DESIGN "Monthly series"); empty periods as 0.
period_counts AS (
	SELECT period_start AS start_at,
		count(*) AS messages,
		sum(words) AS words,
		-- Words are counted after the first chart (Chinese): until then some messages have none.
		count(*) - count(words) AS words_pending,
		sum(likes) AS likes,
		count(DISTINCT author_id) AS active_members,
		count(DISTINCT author_id) FILTER (WHERE role = 'student') AS active_students,
		count(*) FILTER (WHERE role = 'mentor') AS mentor_messages
	FROM period_messages GROUP BY period_start
), period_first_seen AS (
	-- new in the whole chat, so a filter's first period does not make everyone new
	SELECT author_id, min(sent_at) AS first_at FROM kept_messages WHERE author_id IN (SELECT author_id FROM counted_messages) GROUP BY author_id
), period_newcomers AS (
	SELECT p.period_index, count(*) AS new_members
	FROM period_first_seen f JOIN period_spans p ON f.first_at >= p.start_at AND f.first_at < p.end_at
	GROUP BY p.period_index
), period_has_likes AS (
	SELECT bool_or(likes IS NOT NULL) AS any_likes FROM messages
), period_activity AS (
	SELECT p.period_index, p.period, p.start_at, p.end_at,
		coalesce(c.messages, 0)::INTEGER AS messages,
		coalesce(c.words, 0)::INTEGER AS words,
		coalesce(c.words_pending, 0)::INTEGER AS words_pending,
		CASE WHEN h.any_likes THEN coalesce(c.likes, 0)::INTEGER END AS likes,
		coalesce(c.active_members, 0)::INTEGER AS active_members,
		coalesce(c.active_students, 0)::INTEGER AS active_students,
		coalesce(n.new_members, 0)::INTEGER AS new_members,
		coalesce(c.mentor_messages, 0)::INTEGER AS mentor_messages,
		CASE WHEN coalesce(c.messages, 0) > 0 THEN (c.mentor_messages / c.messages)::DOUBLE END AS mentor_share
	FROM period_spans p
	CROSS JOIN period_has_likes h
	LEFT JOIN period_counts c USING (start_at)
	LEFT JOIN period_newcomers n USING (period_index)
)
