-- The most linked domains (shared_items): links and distinct members who posted them; most links first, then domain; the first ? rows.
SELECT value AS domain, count(*)::INTEGER AS links, count(DISTINCT author_id)::INTEGER AS members
FROM shared_items
WHERE item = 'link'
GROUP BY value
ORDER BY links DESC, domain
LIMIT ?
