-- Stage comparison: the series metrics over each stage (end days inclusive); months = calendar months the stage shares with the data's first to last month.
WITH params AS (
	SELECT ?::DOUBLE AS min_days
), bounds AS (
	SELECT date_trunc('month', min(sent_at)) AS first_month, date_trunc('month', max(sent_at)) AS last_month FROM counted_messages
), first_seen AS (
	-- new in the whole chat, so a filter's first stage does not make everyone new
	SELECT author_id, min(sent_at) AS first_at FROM kept_messages WHERE author_id IN (SELECT author_id FROM counted_messages) GROUP BY author_id
), per_stage AS (
	SELECT stage_index,
		count(*) AS messages,
		sum(words) AS words,
		sum(likes) AS likes,
		count(DISTINCT author_id) AS active_members,
		count(DISTINCT author_id) FILTER (WHERE role = 'student') AS active_students,
		count(*) FILTER (WHERE role = 'mentor') AS mentor_messages
	FROM stage_messages GROUP BY stage_index
), new_per_stage AS (
	SELECT s.stage_index, count(*) AS new_members
	FROM first_seen f JOIN stages s ON f.first_at >= s.start_day AND f.first_at < s.end_day + INTERVAL 1 DAY
	GROUP BY s.stage_index
), has_likes AS (
	SELECT bool_or(likes IS NOT NULL) AS any_likes FROM messages
), stage_clocks AS (
	-- silentMembersAt's rule once per stage: messages before the day after the stage, measured then or at the last message.
	SELECT s.stage_index, s.end_day + INTERVAL 1 DAY AS until_exclusive,
		least(s.end_day + INTERVAL 1 DAY, (SELECT max(sent_at) FROM counted_messages)) AS as_of
	FROM stages s
), stage_last_seen AS (
	SELECT stage_index, author_id, max(sent_at) AS last_at FROM stage_messages GROUP BY stage_index, author_id
), silence_candidates AS (
	SELECT l.stage_index, l.author_id, c.until_exclusive, (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 AS days_silent
	FROM stage_last_seen l JOIN stage_clocks c USING (stage_index) CROSS JOIN params p
	WHERE (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 >= p.min_days
), candidate_gaps AS (
	SELECT author_id, sent_at, (epoch_ms(sent_at) - epoch_ms(lag(sent_at) OVER (PARTITION BY author_id ORDER BY sent_at))) / 86400000.0 AS gap_days
	FROM counted_messages WHERE author_id IN (SELECT author_id FROM silence_candidates)
), candidate_rhythms AS (
	SELECT c.stage_index, c.author_id, c.days_silent, count(*) AS messages, quantile_cont(g.gap_days, 0.95) AS gap_p95
	FROM silence_candidates c JOIN candidate_gaps g ON g.author_id = c.author_id AND g.sent_at < c.until_exclusive
	GROUP BY c.stage_index, c.author_id, c.days_silent
), silent_per_stage AS (
	SELECT r.stage_index, count(*) AS silent_members
	FROM candidate_rhythms r JOIN members m USING (author_id)
	WHERE m.role IS DISTINCT FROM 'mentor' AND (r.messages < 3 OR r.days_silent > r.gap_p95)
	GROUP BY r.stage_index
), spans AS (
	SELECT s.*, greatest(0, date_diff('month',
		greatest(date_trunc('month', s.start_day), b.first_month),
		least(date_trunc('month', s.end_day), b.last_month)) + 1) AS months
	FROM stages s CROSS JOIN bounds b
)
SELECT s.name AS stage,
	strftime(s.start_day, '%Y-%m-%d') AS start,
	strftime(s.end_day, '%Y-%m-%d') AS "end",
	coalesce(s.months, 0)::INTEGER AS months,
	coalesce(p.messages, 0)::INTEGER AS messages,
	CASE WHEN s.months > 0 THEN (coalesce(p.messages, 0) / s.months)::DOUBLE END AS messages_per_month,
	coalesce(p.words, 0)::INTEGER AS words,
	CASE WHEN h.any_likes THEN coalesce(p.likes, 0)::INTEGER END AS likes,
	coalesce(p.active_members, 0)::INTEGER AS active_members,
	coalesce(p.active_students, 0)::INTEGER AS active_students,
	coalesce(n.new_members, 0)::INTEGER AS new_members,
	coalesce(p.mentor_messages, 0)::INTEGER AS mentor_messages,
	CASE WHEN coalesce(p.messages, 0) > 0 THEN (p.mentor_messages / p.messages)::DOUBLE END AS mentor_share,
	coalesce(q.silent_members, 0)::INTEGER AS silent_members
FROM spans s
CROSS JOIN has_likes h
LEFT JOIN per_stage p USING (stage_index)
LEFT JOIN new_per_stage n USING (stage_index)
LEFT JOIN silent_per_stage q USING (stage_index)
ORDER BY s.stage_index
