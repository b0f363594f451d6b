-- Member replies: whom one member answers and who answers them, counted over links between two different people (any rule but continuation), 5 of each, most replies first; and the minutes from each of their messages to its first reply (the earliest later message by another member linked to it).
WITH answers AS (
	SELECT parent_author_id AS partner_id, count(*) AS replies FROM links
	WHERE author_id = $1 AND parent_author_id <> $1 AND rule <> 'continuation'
	GROUP BY ALL
), answered_by AS (
	SELECT author_id AS partner_id, count(*) AS replies FROM links
	WHERE parent_author_id = $1 AND author_id <> $1 AND rule <> 'continuation'
	GROUP BY ALL
), first_replies AS (
	SELECT own.message_id, (min(epoch_ms(r.sent_at)) - epoch_ms(own.sent_at)) / 60000.0 AS minutes
	FROM links own JOIN links r ON r.parent_id = own.message_id
	WHERE own.author_id = $1 AND r.author_id <> $1 AND r.rule <> 'continuation' AND r.sent_at >= own.sent_at
	GROUP BY own.message_id, own.sent_at
)
SELECT
	coalesce((
		SELECT list({'author_id': a.partner_id, 'author_name': coalesce(m.author_name, a.partner_id), 'replies': a.replies::INTEGER} ORDER BY a.replies DESC, m.author_name, a.partner_id)[1:5]
		FROM answers a LEFT JOIN members m ON m.author_id = a.partner_id
	), []) AS replies_to,
	coalesce((
		SELECT list({'author_id': a.partner_id, 'author_name': coalesce(m.author_name, a.partner_id), 'replies': a.replies::INTEGER} ORDER BY a.replies DESC, m.author_name, a.partner_id)[1:5]
		FROM answered_by a LEFT JOIN members m ON m.author_id = a.partner_id
	), []) AS replied_by,
	(SELECT count(*)::INTEGER FROM first_replies) AS answered_messages,
	(SELECT median(minutes)::DOUBLE FROM first_replies) AS median_minutes_to_first_reply
