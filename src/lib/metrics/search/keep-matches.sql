-- The counted messages inside the filters, numbered in message order (time, then id, as the links order them). Only ids
-- and times: a page reads the rest. Not written in rank order: that is a second sort, and a page scans the ranks anyway.
CREATE TEMP TABLE /* table */ AS
SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id) AS rank, message_id, sent_at
FROM counted_messages
WHERE /* filters */
