-- Newcomer replies: every member's first counted message, in message order, with the minutes to its first reply (null when none).
SELECT message_id, strftime(sent_at, '%Y-%m-%d %H:%M:%S') AS sent_at, author_id, author_name, role, minutes_to_first_reply
FROM first_replies
WHERE is_first_message
ORDER BY seq
