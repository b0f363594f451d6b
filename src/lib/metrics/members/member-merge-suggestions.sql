-- Every name each member (as merged) wrote under, with the member's current name and messages: what merge suggestions compare.
SELECT m.author_id, m.author_name, m.messages, n.author_name AS used_name
FROM (
	SELECT coalesce(mm.into_id, n.author_id) AS author_id, n.author_name
	FROM member_names n LEFT JOIN member_merges mm USING (author_id)
	UNION SELECT author_id, author_name FROM members
) n
JOIN members m USING (author_id)
ORDER BY m.messages DESC, m.author_id, n.author_name
