-- Where each read of texts starts: the time of every n-th counted message with text (n = ?), in time order; messages sent at the same time stay in one read.
SELECT strftime(sent_at, '%Y-%m-%d %H:%M:%S.%f') AS chunk_start
FROM (
	SELECT DISTINCT sent_at
	FROM (SELECT sent_at, row_number() OVER (ORDER BY sent_at) - 1 AS position FROM counted_messages WHERE text <> '')
	WHERE position % ?::BIGINT = 0
)
ORDER BY sent_at
