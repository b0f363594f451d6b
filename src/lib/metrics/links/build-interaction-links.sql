-- Interaction links: for every counted message, the message it answers and the rule that found it: reply_to, mention, previous or none (DESIGN.md "Interaction links"); never a self-link.
-- Reads link_settings(link_window INTERVAL). Message order: sent_at, then shorter ids first, then id,
-- so ids that are numbers (Telegram, generated f1-12) keep their numeric order within a timestamp.
-- Messages are numbered in that order (seq) and every step after the first joins on those integers:
-- at a million messages, joins and windows over string ids cost several times more.
-- Sources (files or channels) are numbered too: the windows below partition by them.
CREATE OR REPLACE TEMP TABLE link_order AS
WITH sources AS (
	SELECT source, row_number() OVER (ORDER BY source)::INTEGER AS source_index
	FROM (SELECT DISTINCT source FROM counted_messages)
)
SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id)::INTEGER AS seq,
	message_id, sent_at, author_id, role, source_index, reply_to
FROM counted_messages JOIN sources USING (source);

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
	SELECT l.seq, l.spot, o.seq AS parent_seq
	FROM longest l
	ASOF JOIN link_order o ON o.author_id = l.target_id AND l.seq > o.seq
	WHERE l.target_id <> l.author_id
)
SELECT seq, parent_seq
FROM found
QUALIFY row_number() OVER (PARTITION BY seq ORDER BY spot, parent_seq DESC) = 1;

-- A reply_to whose parent is missing from the dataset, or is the author's own message, makes no link:
-- such a message goes on to the mention rule. The parent may be a message that is not counted (a reply
-- to a photo still reaches its author), so replies keep the parent's own columns.
CREATE OR REPLACE TEMP TABLE link_replies AS
SELECT o.seq, r.message_id AS parent_id, r.author_id AS parent_author_id, r.role AS parent_role
FROM link_order o
JOIN messages r ON r.message_id = o.reply_to AND r.author_id <> o.author_id
WHERE o.reply_to IS NOT NULL;

-- The first rule that links each message, and the parent it names (reply parents are in link_replies).
-- "previous" is the previous message of the same source (file or channel): adjacency means nothing
-- across two channels loaded together. Only integers go through the windows: strings slow them down.
CREATE OR REPLACE TEMP TABLE link_steps AS
WITH adjacent AS (
	SELECT seq, source_index, author_id,
		lag(seq) OVER w AS previous_seq,
		lag(author_id) OVER w AS previous_author_id,
		sent_at - lag(sent_at) OVER w AS gap
	FROM link_order
	WINDOW w AS (PARTITION BY source_index ORDER BY seq)
)
SELECT a.seq, a.source_index,
	CASE
		WHEN r.seq IS NOT NULL THEN 'reply_to'
		WHEN m.seq IS NOT NULL THEN 'mention'
		WHEN a.gap < s.link_window AND a.previous_author_id <> a.author_id THEN 'previous'
		WHEN a.gap < s.link_window THEN 'continuation'
		ELSE 'none'
	END AS step,
	CASE
		WHEN r.seq IS NOT NULL THEN NULL
		WHEN m.seq IS NOT NULL THEN m.parent_seq
		WHEN a.gap < s.link_window THEN a.previous_seq
	END AS parent_seq
FROM adjacent a
LEFT JOIN link_replies r ON r.seq = a.seq
LEFT JOIN link_mentions m ON m.seq = a.seq
CROSS JOIN link_settings s;

-- A continuation (a message following its author's own) takes the link of the latest message before it
-- that was not one; linked by adjacency, its rule is "previous". (A running max of seq finds that
-- message several times faster than last_value … IGNORE NULLS.)
CREATE OR REPLACE TABLE links AS
WITH runs AS (
	SELECT seq, step,
		CASE WHEN step = 'continuation'
			THEN max(CASE WHEN step <> 'continuation' THEN seq END) OVER (PARTITION BY source_index ORDER BY seq)
			ELSE seq END AS linked_seq
	FROM link_steps
), resolved AS (
	SELECT r.seq,
		CASE
			WHEN r.step <> 'continuation' THEN r.step
			WHEN l.step IN ('reply_to', 'mention', 'previous') THEN 'previous'
			ELSE 'none'
		END AS rule,
		-- a condition on one side only would turn the join below into a nested loop
		CASE WHEN l.step = 'reply_to' THEN l.seq END AS reply_seq,
		l.parent_seq
	FROM runs r
	LEFT JOIN link_steps l ON l.seq = r.linked_seq
)
SELECT o.seq, o.message_id,
	coalesce(reply.parent_id, parent.message_id) AS parent_id,
	x.rule,
	o.author_id,
	coalesce(reply.parent_author_id, parent.author_id) AS parent_author_id,
	o.sent_at, o.role,
	coalesce(reply.parent_role, parent.role) AS parent_role
FROM resolved x
JOIN link_order o ON o.seq = x.seq
LEFT JOIN link_replies reply ON reply.seq = x.reply_seq
LEFT JOIN link_order parent ON parent.seq = x.parent_seq;

DROP TABLE link_order;
DROP TABLE link_names;
DROP TABLE link_spots;
DROP TABLE link_mentions;
DROP TABLE link_replies;
DROP TABLE link_steps;
DROP TABLE link_settings;
