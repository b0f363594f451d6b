-- The silent-member rule (DESIGN "Drops" (c)), once per row of silence_clocks(clock_index, since, until_exclusive, min_days): a member, not a mentor, whose last counted message before until_exclusive (and from since on) lies more than their own 95th-percentile gap between those messages (numpy-linear, from 3 messages on) and at least min_days before the clock's as_of: until_exclusive, or the last counted message if earlier (NULL bounds: none).
silence_as_of AS (
	SELECT c.*, coalesce(least(c.until_exclusive, l.last_at), l.last_at) AS as_of
	FROM silence_clocks c CROSS JOIN (SELECT max(sent_at) AS last_at FROM counted_messages) l
), silence_last_seen AS (
	-- Only a member with a message from since on can have gone silent in the clock, and their last message is one of those.
	SELECT c.clock_index, m.author_id, max(m.sent_at) AS last_at
	FROM silence_as_of c
	JOIN counted_messages m ON m.sent_at >= coalesce(c.since, '-infinity'::TIMESTAMP) AND m.sent_at < coalesce(c.until_exclusive, 'infinity'::TIMESTAMP)
	GROUP BY c.clock_index, m.author_id
), silence_candidates AS (
	-- Only members already silent for min_days can be silent, so only their gaps are computed.
	SELECT l.clock_index, l.author_id, l.last_at, c.until_exclusive, (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 AS days_silent
	FROM silence_last_seen l JOIN silence_as_of c USING (clock_index)
	WHERE (epoch_ms(c.as_of) - epoch_ms(l.last_at)) / 86400000.0 >= c.min_days
), silence_gaps AS (
	SELECT author_id, sent_at, (epoch_ms(sent_at) - epoch_ms(lag(sent_at) OVER (PARTITION BY author_id ORDER BY sent_at))) / 86400000.0 AS gap_days
	FROM counted_messages WHERE author_id IN (SELECT author_id FROM silence_candidates)
), silence_rhythms AS (
	SELECT c.clock_index, c.author_id, count(*) AS messages, min(g.sent_at) AS first_at, quantile_cont(g.gap_days, 0.95) AS gap_p95
	FROM silence_candidates c
	JOIN silence_gaps g ON g.author_id = c.author_id AND g.sent_at < coalesce(c.until_exclusive, 'infinity'::TIMESTAMP)
	GROUP BY c.clock_index, c.author_id
), silent_members AS (
	SELECT c.clock_index, c.author_id, m.author_name, m.role, r.first_at, c.last_at, r.messages, c.days_silent,
		CASE WHEN r.messages >= 3 THEN r.gap_p95 END AS usual_gap_days
	FROM silence_candidates c
	JOIN silence_rhythms r USING (clock_index, author_id)
	JOIN members m USING (author_id)
	WHERE m.role IS DISTINCT FROM 'mentor' AND (r.messages < 3 OR c.days_silent > r.gap_p95)
)
