-- Interaction links: for every counted message, the message it answers and the rule that found it: reply_to, mention, previous or none (DESIGN.md "Interaction links"); never a self-link.
-- Reads link_settings(link_window INTERVAL). Message order: sent_at, then shorter ids first, then id,
-- so ids that are numbers (Telegram, generated f1-12) keep their numeric order within a timestamp.
CREATE OR REPLACE TEMP TABLE link_order AS
SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id) AS seq,
	message_id, sent_at, author_id, source, reply_to
FROM counted_messages;

CREATE OR REPLACE TEMP TABLE link_names AS
SELECT DISTINCT lower(author_name) AS name_key, length(lower(author_name)) AS name_length, author_id
FROM members
WHERE trim(author_name) <> '';

-- A spot is a place in a text where a name may start: after an '@' that does not follow a letter or
-- digit (so mail addresses are not mentions), or at the very start of the text (IRC's "nick: text").
-- Han and kana count as separators on both sides because CJK writing puts no space around a name.
CREATE OR REPLACE TEMP TABLE link_spots AS
WITH limits AS (
	SELECT coalesce(max(name_length), 0) + 1 AS max_length FROM link_names
), at_texts AS (
	SELECT message_id, author_id, string_split(lower(text), '@') AS parts
	FROM counted_messages
	WHERE contains(text, '@')
), at_spots AS (
	SELECT message_id, author_id, spot, parts[spot - 1] AS before_text, parts[spot] AS after_text
	FROM (SELECT message_id, author_id, parts, unnest(range(2, len(parts) + 1)) AS spot FROM at_texts)
)
SELECT message_id, author_id, spot, left(after_text, max_length) AS after_text, false AS leading
FROM at_spots, limits
WHERE NOT regexp_matches(right(before_text, 1), '^([^\P{L}\p{Han}\p{Hiragana}\p{Katakana}]|[\p{N}_])')
UNION ALL
SELECT message_id, author_id, 1 AS spot, lower(opening) AS after_text, true AS leading
FROM (SELECT message_id, author_id, left(ltrim(text), max_length) AS opening FROM counted_messages, limits)
WHERE contains(opening, ':') OR contains(opening, ',') OR contains(opening, '：') OR contains(opening, '，');

-- The longest known name at each spot; the first spot (in reading order) naming someone else who has
-- written before wins, and links to that member's latest earlier message.
CREATE OR REPLACE TEMP TABLE link_mentions AS
WITH lengths AS (
	SELECT DISTINCT name_length FROM link_names
), candidates AS (
	SELECT s.message_id, s.author_id, s.spot, s.leading, l.name_length,
		left(s.after_text, l.name_length) AS name_key,
		substr(s.after_text, l.name_length + 1, 1) AS next_char
	FROM link_spots s
	JOIN lengths l ON length(s.after_text) >= l.name_length
), named AS (
	SELECT o.seq, c.author_id, c.spot, c.name_length, n.author_id AS target_id
	FROM candidates c
	JOIN link_names n USING (name_key, name_length)
	JOIN link_order o USING (message_id)
	WHERE CASE WHEN c.leading THEN c.next_char IN (':', ',', '：', '，')
		ELSE NOT regexp_matches(c.next_char, '^([^\P{L}\p{Han}\p{Hiragana}\p{Katakana}]|[\p{N}_])') END
), longest AS (
	SELECT * FROM named
	QUALIFY name_length = max(name_length) OVER (PARTITION BY seq, spot)
), found AS (
	SELECT l.seq, l.spot, o.seq AS parent_seq, o.message_id AS parent_id, o.author_id AS parent_author_id
	FROM longest l
	ASOF JOIN link_order o ON o.author_id = l.target_id AND l.seq > o.seq
	WHERE l.target_id <> l.author_id
)
SELECT seq, parent_id, parent_author_id
FROM found
QUALIFY row_number() OVER (PARTITION BY seq ORDER BY spot, parent_seq DESC) = 1;

-- A reply_to whose parent is missing from the dataset, or is the author's own message, makes no link:
-- such a message goes on to the mention rule. "previous" is the previous message of the same source
-- (file or channel): adjacency means nothing across two channels loaded together.
CREATE OR REPLACE TABLE links AS
WITH steps AS (
	SELECT o.seq, o.source, o.message_id, o.author_id,
		r.message_id AS reply_parent_id, r.author_id AS reply_parent_author_id,
		m.parent_id AS mention_parent_id, m.parent_author_id AS mention_parent_author_id,
		lag(o.message_id) OVER adjacent AS previous_id,
		lag(o.author_id) OVER adjacent AS previous_author_id,
		o.sent_at - lag(o.sent_at) OVER adjacent AS gap
	FROM link_order o
	LEFT JOIN messages r ON r.message_id = o.reply_to AND r.author_id <> o.author_id
	LEFT JOIN link_mentions m ON m.seq = o.seq
	WINDOW adjacent AS (PARTITION BY o.source ORDER BY o.seq)
), ruled AS (
	SELECT *,
		CASE
			WHEN reply_parent_id IS NOT NULL THEN 'reply_to'
			WHEN mention_parent_id IS NOT NULL THEN 'mention'
			WHEN gap < link_window AND previous_author_id <> author_id THEN 'previous'
			WHEN gap < link_window THEN 'continuation'
			ELSE 'none'
		END AS step
	FROM steps, link_settings
), own AS (
	SELECT seq, source, message_id, author_id, step,
		CASE step WHEN 'reply_to' THEN reply_parent_id WHEN 'mention' THEN mention_parent_id
			WHEN 'previous' THEN previous_id END AS parent_id,
		CASE step WHEN 'reply_to' THEN reply_parent_author_id WHEN 'mention' THEN mention_parent_author_id
			WHEN 'previous' THEN previous_author_id END AS parent_author_id
	FROM ruled
), inherited AS (
	-- A continuation takes the link of the latest message before it that was not one (always the
	-- same author's, since a continuation follows its author's own message).
	SELECT seq, message_id, author_id, step, parent_id, parent_author_id,
		last_value(CASE WHEN step <> 'continuation' THEN {'id': parent_id, 'author_id': parent_author_id} END IGNORE NULLS)
			OVER (PARTITION BY source ORDER BY seq ROWS UNBOUNDED PRECEDING) AS run_parent
	FROM own
)
SELECT message_id,
	CASE WHEN step = 'continuation' THEN run_parent.id ELSE parent_id END AS parent_id,
	CASE
		WHEN step <> 'continuation' THEN step
		WHEN run_parent.id IS NOT NULL THEN 'previous'
		ELSE 'none'
	END AS rule,
	author_id,
	CASE WHEN step = 'continuation' THEN run_parent.author_id ELSE parent_author_id END AS parent_author_id
FROM inherited
ORDER BY seq;

DROP TABLE link_order;
DROP TABLE link_names;
DROP TABLE link_spots;
DROP TABLE link_mentions;
DROP TABLE link_settings;
