-- The counted messages with text sent in [?, ?): month, stage (stage_messages' rule, both end days inclusive; NULL outside every stage) and text.
SELECT strftime(m.sent_at, '%Y-%m') AS month, s.stage_index, m.text
FROM counted_messages m
LEFT JOIN stages s ON m.sent_at >= s.start_day AND m.sent_at < s.end_day + INTERVAL 1 DAY
WHERE m.sent_at >= ?::TIMESTAMP AND m.sent_at < ?::TIMESTAMP AND m.text <> ''
