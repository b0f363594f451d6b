-- Mentor-versus-peer ratios: per period of ratio_periods, links by role direction and rule, the reply network, and messages per student (roster students silent in the period as 0).
-- Reads ratio_periods(period_index, period, start_at, end_at) (messagePeriods' period_spans: a message belongs to [start_at, end_at)),
-- ratio_basis(explicit_only) and the links table. A link belongs to the period of the message that makes
-- it, and counts only between two different people. With explicit_only, the period's link count and
-- reply network use explicit replies alone (the headline basis when reply ids are common).
-- The links table has a row for every counted message, with its time and both roles.
CREATE OR REPLACE TEMP TABLE ratio_messages AS
SELECT p.period_index, l.sent_at, l.author_id, l.role, l.rule, l.parent_id IS NOT NULL AS linked, l.parent_author_id,
	CASE
		WHEN l.role = 'mentor' AND l.parent_role = 'student' THEN 'mentor_to_student'
		WHEN l.role = 'student' AND l.parent_role = 'mentor' THEN 'student_to_mentor'
		WHEN l.role = 'student' AND l.parent_role = 'student' THEN 'student_to_student'
	END AS direction
FROM links l
JOIN ratio_periods p ON l.sent_at >= p.start_at AND l.sent_at < p.end_at;

-- a view: the linked rows are only ever filtered out of ratio_messages, never worth a copy
CREATE OR REPLACE TEMP VIEW ratio_links AS
SELECT period_index, sent_at, rule, author_id, parent_author_id, direction FROM ratio_messages
WHERE linked AND parent_author_id <> author_id;

CREATE OR REPLACE TEMP VIEW ratio_basis_links AS
SELECT * FROM ratio_links WHERE rule = 'reply_to' OR NOT (SELECT explicit_only FROM ratio_basis);

-- Links between known roles per day, on the headline basis, for the day-cluster bootstrap interval of peer share.
CREATE OR REPLACE TEMP TABLE ratio_day_counts AS
SELECT period_index, sent_at::DATE AS day, count(*) FILTER (WHERE direction = 'student_to_student')::INTEGER AS peer_links, count(*)::INTEGER AS role_links
FROM ratio_basis_links
WHERE direction IS NOT NULL
GROUP BY period_index, day;

CREATE OR REPLACE TEMP TABLE ratio_period_counts AS
WITH message_counts AS (
	SELECT period_index, count(*) AS messages, count(*) FILTER (WHERE role = 'mentor') AS mentor_messages
	FROM ratio_messages
	GROUP BY ALL
), link_counts AS (
	SELECT period_index, count(*) AS links FROM ratio_basis_links GROUP BY ALL
)
SELECT p.period_index, p.period,
	strftime(p.start_at, '%Y-%m-%d') AS period_start,
	strftime(p.end_at - INTERVAL 1 DAY, '%Y-%m-%d') AS period_end,
	coalesce(m.messages, 0)::INTEGER AS messages,
	coalesce(m.mentor_messages, 0)::INTEGER AS mentor_messages,
	coalesce(l.links, 0)::INTEGER AS links
FROM ratio_periods p
LEFT JOIN message_counts m USING (period_index)
LEFT JOIN link_counts l USING (period_index);

CREATE OR REPLACE TEMP TABLE ratio_direction_counts AS
SELECT period_index, direction, rule, count(*)::INTEGER AS links
FROM ratio_links
WHERE direction IS NOT NULL
GROUP BY ALL;

-- Members as small integers: the networks travel to the graph algorithms as lists of numbers, which
-- is several times faster than one row per edge at a million messages.
CREATE OR REPLACE TEMP TABLE ratio_member_codes AS
SELECT author_id, (row_number() OVER (ORDER BY author_id))::INTEGER AS code FROM members;

CREATE OR REPLACE TEMP TABLE ratio_networks AS
WITH pairs AS (
	-- every rule of links between two people, by rule, so that the network of each rule set (the headline
	-- basis, the centralization range) is a filter of these lists
	SELECT period_index, author_id, parent_author_id, rule, count(*)::INTEGER AS weight
	FROM ratio_links
	GROUP BY ALL
), edges AS (
	SELECT period_index, list(source.code) AS sources, list(target.code) AS targets, list(weight) AS weights, list(rule) AS rules
	FROM pairs
	JOIN ratio_member_codes source ON source.author_id = pairs.author_id
	JOIN ratio_member_codes target ON target.author_id = pairs.parent_author_id
	GROUP BY period_index
), active AS (
	SELECT period_index, list(code) AS active_members
	FROM (SELECT DISTINCT period_index, author_id FROM ratio_messages)
	JOIN ratio_member_codes USING (author_id)
	GROUP BY period_index
)
SELECT p.period_index, coalesce(e.sources, []) AS sources, coalesce(e.targets, []) AS targets,
	coalesce(e.weights, []) AS weights, coalesce(e.rules, []) AS rules, coalesce(a.active_members, []) AS active_members
FROM ratio_periods p
LEFT JOIN edges e USING (period_index)
LEFT JOIN active a USING (period_index);

CREATE OR REPLACE TEMP TABLE ratio_student_messages AS
WITH roster_students AS (
	SELECT DISTINCT m.author_id
	FROM counted_members m
	JOIN roster r ON r.author = m.author_id OR r.author = m.author_name
	WHERE r.role = 'student'
), active AS (
	SELECT period_index, author_id, count(*) AS messages
	FROM ratio_messages
	WHERE role = 'student'
	GROUP BY ALL
), population AS (
	SELECT period_index, author_id FROM active
	UNION
	SELECT p.period_index, s.author_id FROM ratio_periods p, roster_students s
)
SELECT period_index, list(coalesce(a.messages, 0)::INTEGER) AS messages_per_student
FROM population
LEFT JOIN active a USING (period_index, author_id)
GROUP BY period_index;
