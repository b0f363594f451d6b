-- The data's span: first and last counted message, and the calendar days from the first day to the last, both included.
SELECT strftime(min(sent_at), '%Y-%m-%d %H:%M:%S') AS first_message_at,
	strftime(max(sent_at), '%Y-%m-%d %H:%M:%S') AS last_message_at,
	coalesce(date_diff('day', min(sent_at)::DATE, max(sent_at)::DATE) + 1, 0)::INTEGER AS days
FROM counted_messages
