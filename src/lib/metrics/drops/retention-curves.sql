-- Member activity spans: whole days from the first to the last counted message (mentors left out); the end is censored when the last message is at most censor_window_days before the dataset's last day.
WITH params AS (
	SELECT ?::INTEGER AS censor_window_days
), spans AS (
	SELECT author_id, min(sent_at)::DATE AS first_day, max(sent_at)::DATE AS last_day
	FROM counted_messages GROUP BY author_id
), dataset AS (
	SELECT max(sent_at)::DATE AS last_day FROM counted_messages
)
SELECT s.author_id, m.cohort,
	date_diff('day', s.first_day, s.last_day)::INTEGER AS span_days,
	date_diff('day', s.last_day, d.last_day) > p.censor_window_days AS observed
FROM spans s
JOIN members m USING (author_id)
CROSS JOIN dataset d
CROSS JOIN params p
WHERE m.role IS DISTINCT FROM 'mentor'
ORDER BY s.author_id
