-- Media and sticker messages per type (shared_items); most first, then type.
SELECT value AS type, count(*)::INTEGER AS count
FROM shared_items
WHERE item = 'media'
GROUP BY value
ORDER BY count DESC, type
