-- Calendar periods: every calendar month, ISO week (from Monday) or day from the first to the last counted message, and each counted message in its period.
period_grain AS (
	SELECT ?::VARCHAR AS part, ?::INTERVAL AS step
), period_messages AS (
	SELECT date_trunc((SELECT part FROM period_grain), sent_at) AS period_start, sent_at, author_id, role, words, likes FROM counted_messages
), period_spans AS (
	SELECT (row_number() OVER (ORDER BY start_at) - 1)::INTEGER AS period_index,
		CASE (SELECT part FROM period_grain) WHEN 'month' THEN strftime(start_at, '%Y-%m') ELSE strftime(start_at, '%Y-%m-%d') END AS period,
		start_at,
		start_at + (SELECT step FROM period_grain) AS end_at
	FROM (
		SELECT unnest(generate_series(min(period_start), max(period_start), (SELECT step FROM period_grain))) AS start_at FROM period_messages
	)
)
