-- Link order: kept messages (the counted kinds of the whole chat, before the person's filter) in message order (seq), each with its explicit parent; reply inference and interaction links (build-interaction-links.sql) read it.
-- Message order: sent_at, then shorter ids first, then id, so ids that are numbers (Telegram, generated
-- f1-12) keep their numeric order within a timestamp. Later steps join on the integers seq and
-- source_index: at a million messages, joins over string ids cost several times more.
-- An explicit parent found in the dataset (parent_id, with the parent's author and role), the author's own
-- included. The parent may be a message that is not counted (a reply to a photo still reaches its author), so
-- it is looked up in messages. A reply_to whose parent is missing from the dataset goes on to inference.
CREATE OR REPLACE TEMP TABLE link_order AS
WITH sources AS (
	SELECT source, row_number() OVER (ORDER BY source)::INTEGER AS source_index
	FROM (SELECT DISTINCT source FROM kept_messages)
),
ordered AS (
	SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id)::INTEGER AS seq,
		message_id, sent_at, author_id, role, source_index, reply_to, coalesce(text, '') AS text
	FROM kept_messages JOIN sources USING (source)
)
SELECT o.*, r.message_id AS parent_id, r.author_id AS parent_author_id, r.role AS parent_role
FROM ordered o
LEFT JOIN messages r ON r.message_id = o.reply_to
-- stored in seq order, so that reading it chunk by chunk (seq ranges) skips the other row groups
ORDER BY seq;
