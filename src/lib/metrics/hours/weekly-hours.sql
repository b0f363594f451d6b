-- Weekly hours: counted messages per weekday (0 = Monday … 6 = Sunday) and wall-clock hour (0–23), for all counted messages (stage_index NULL) and per stage.
SELECT NULL::INTEGER AS stage_index, (isodow(sent_at) - 1)::INTEGER AS weekday, hour(sent_at)::INTEGER AS hour, count(*)::INTEGER AS messages
FROM counted_messages GROUP BY ALL
UNION ALL
SELECT stage_index::INTEGER, (isodow(sent_at) - 1)::INTEGER, hour(sent_at)::INTEGER, count(*)::INTEGER
FROM stage_messages GROUP BY ALL
ORDER BY stage_index NULLS FIRST, weekday, hour
