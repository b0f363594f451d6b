-- Activity series: period_activity at a calendar grain, with each period's coverage = the share of its days inside the first-to-last counted day span.
WITH /* period_activity */, span AS (
	SELECT min(sent_at)::DATE AS first_day, max(sent_at)::DATE + 1 AS after_last_day FROM counted_messages
)
SELECT strftime(a.start_at, '%Y-%m-%d') AS period_start,
	a.messages,
	-- Unknown (NULL) until every message of the period has its words counted (Chinese is counted after the first chart).
	CASE WHEN a.words_pending = 0 THEN a.words END AS words,
	a.likes,
	a.active_members,
	a.active_students,
	a.new_members,
	a.mentor_messages,
	a.mentor_share,
	(datediff('day', greatest(a.start_at::DATE, s.first_day), least(a.end_at::DATE, s.after_last_day))
		/ datediff('day', a.start_at::DATE, a.end_at::DATE))::DOUBLE AS coverage
FROM period_activity a
CROSS JOIN span s
ORDER BY a.period_index
