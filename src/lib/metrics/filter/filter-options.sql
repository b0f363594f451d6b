-- Filter options: what the filter can choose from among the kept messages (the counted kinds of the whole chat): days, members with their messages, roles, sources and kinds.
SELECT
	(SELECT strftime(min(sent_at), '%Y-%m-%d') FROM kept_messages) AS first_day,
	(SELECT strftime(max(sent_at), '%Y-%m-%d') FROM kept_messages) AS last_day,
	(SELECT coalesce(list(struct_pack(author_id := p.author_id, author_name := m.author_name, role := m.role, messages := p.messages::INTEGER) ORDER BY lower(m.author_name), p.author_id), [])
		FROM (SELECT author_id, count(*) AS messages FROM kept_messages GROUP BY author_id) p JOIN members m USING (author_id)) AS members,
	(SELECT coalesce(list(DISTINCT role ORDER BY role), []) FROM members WHERE role IS NOT NULL AND author_id IN (SELECT author_id FROM kept_messages)) AS roles,
	(SELECT coalesce(list(DISTINCT source ORDER BY source), []) FROM kept_messages) AS sources,
	(SELECT coalesce(list(DISTINCT kind ORDER BY kind), []) FROM kept_messages) AS kinds
