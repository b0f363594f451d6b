-- First replies: every counted question and every member's first message (of the whole chat, when counted), with the minutes to its first reply: the earliest later message by another member linked to it by any rule but continuation (null when none).
-- Replies are looked for in the whole chat (kept_links): a filter chooses the questions, not who may answer them.
-- A question holds ? or ？, or ends in 吗, 呢 or 么 before any trailing spaces and punctuation.
CREATE OR REPLACE TEMP TABLE first_replies AS
WITH marked AS (
	SELECT l.seq, l.message_id, l.sent_at, l.author_id, m.author_name, l.role, m.text,
		coalesce(contains(m.text, '?') OR contains(m.text, '？') OR regexp_matches(m.text, '[吗呢么][\s\p{P}\p{Z}~～]*$'), false) AS is_question,
		l.seq = f.first_seq AS is_first_message
	FROM links l JOIN counted_messages m USING (message_id)
	JOIN (SELECT author_id, min(seq) AS first_seq FROM kept_links GROUP BY author_id) f ON f.author_id = l.author_id
), asked AS (
	SELECT * FROM marked WHERE is_question OR is_first_message
), replies AS (
	SELECT a.seq, min(c.sent_at) AS first_reply_at
	FROM asked a JOIN kept_links c ON c.parent_id = a.message_id
	WHERE c.rule <> 'continuation' AND c.author_id <> a.author_id AND c.sent_at >= a.sent_at
	GROUP BY a.seq
)
SELECT a.*, ((epoch_ms(r.first_reply_at) - epoch_ms(a.sent_at)) / 60000.0)::DOUBLE AS minutes_to_first_reply
FROM asked a LEFT JOIN replies r USING (seq)
ORDER BY a.seq
