-- Unanswered questions: counted questions with no first reply within the window, newest first, at most `limit` of them.
SELECT message_id, strftime(sent_at, '%Y-%m-%d %H:%M:%S') AS sent_at, author_id, author_name, role, coalesce(text, '') AS text, minutes_to_first_reply
FROM first_replies
WHERE is_question AND (minutes_to_first_reply IS NULL OR minutes_to_first_reply > ?::DOUBLE)
ORDER BY seq DESC
LIMIT ?::INTEGER
