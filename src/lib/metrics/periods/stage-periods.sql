-- Stage periods: each stage (both end days inclusive), and each counted message inside a stage in its stage.
period_spans AS (
	SELECT stage_index AS period_index, name AS period, start_day::TIMESTAMP AS start_at, end_day + INTERVAL 1 DAY AS end_at FROM stages
), period_messages AS (
	SELECT s.start_day::TIMESTAMP AS period_start, m.sent_at, m.author_id, m.role, m.words, m.likes
	FROM stage_messages m JOIN stages s USING (stage_index)
)
