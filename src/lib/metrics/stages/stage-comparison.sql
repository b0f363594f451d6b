-- Stage comparison: period_activity over each stage (end days inclusive); months = calendar months the stage shares with the data's first to last month; silent members by silent-member-rule.sql.
WITH /* period_activity */, params AS (
	SELECT ?::DOUBLE AS min_days
), silence_clocks AS (
	-- once per stage: messages before the day after the stage, measured then or at the last message, last message in the stage
	SELECT period_index AS clock_index, start_at AS since, end_at AS until_exclusive, (SELECT min_days FROM params) AS min_days FROM period_spans
), /* silent-member rule */, silent_per_stage AS (
	SELECT clock_index AS period_index, count(*) AS silent_members FROM silent_members GROUP BY clock_index
), bounds AS (
	SELECT date_trunc('month', min(sent_at)) AS first_month, date_trunc('month', max(sent_at)) AS last_month FROM counted_messages
), spans AS (
	SELECT a.*, greatest(0, date_diff('month',
		greatest(date_trunc('month', a.start_at), b.first_month),
		least(date_trunc('month', a.end_at - INTERVAL 1 DAY), b.last_month)) + 1) AS months
	FROM period_activity a CROSS JOIN bounds b
)
SELECT s.period AS stage,
	strftime(s.start_at, '%Y-%m-%d') AS start,
	strftime(s.end_at - INTERVAL 1 DAY, '%Y-%m-%d') AS "end",
	coalesce(s.months, 0)::INTEGER AS months,
	s.messages,
	CASE WHEN s.months > 0 THEN (s.messages / s.months)::DOUBLE END AS messages_per_month,
	s.words,
	s.likes,
	s.active_members,
	s.active_students,
	s.new_members,
	s.mentor_messages,
	s.mentor_share,
	coalesce(q.silent_members, 0)::INTEGER AS silent_members
FROM spans s
LEFT JOIN silent_per_stage q USING (period_index)
ORDER BY s.period_index
