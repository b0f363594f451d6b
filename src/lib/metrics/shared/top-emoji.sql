-- The most used emoji (shared_items): uses in counted messages; most first, then the emoji's bytes; the first ? rows.
SELECT value AS emoji, count(*)::INTEGER AS count
FROM shared_items
WHERE item = 'emoji'
GROUP BY value
ORDER BY count DESC, emoji
LIMIT ?
