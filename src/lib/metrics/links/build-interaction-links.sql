-- Interaction links: for every kept message, the message it answers, the rule that found it (reply_to, continuation, mention, context or none) and why (DESIGN.md "Interaction links").
-- Reads link_order (link-order.sql) and link_inferred(seq, parent_seq, rule, reason),
-- written by inference for every message without an explicit parent in the dataset.
CREATE OR REPLACE TABLE kept_links AS
SELECT o.seq, o.message_id,
	coalesce(o.parent_id, parent.message_id) AS parent_id,
	CASE WHEN o.parent_id IS NOT NULL THEN 'reply_to' ELSE inferred.rule END AS rule,
	CASE
		WHEN o.parent_id IS NULL THEN inferred.reason
		WHEN o.parent_author_id = o.author_id THEN 'explicit reply to own message'
		ELSE 'explicit reply'
	END AS reason,
	o.author_id,
	coalesce(o.parent_author_id, parent.author_id) AS parent_author_id,
	o.sent_at, o.role,
	coalesce(o.parent_role, parent.role) AS parent_role
FROM link_order o
LEFT JOIN link_inferred inferred ON inferred.seq = o.seq
LEFT JOIN link_order parent ON parent.seq = inferred.parent_seq;

DROP TABLE link_order;
DROP TABLE link_inferred;
