-- One row per thing shared: each link (value: its domain) and emoji (value: the emoji, by the RE2 pattern pasted in as a literal) in a counted message's text, and each media or sticker message (value: its type) whatever kinds are left out.
CREATE OR REPLACE TEMP TABLE shared_items AS
WITH urls AS (
	-- ASCII only, so the Chinese (or emoji, or full-width punctuation) written against a URL never joins it.
	SELECT author_id, sent_at,
		regexp_replace(unnest(regexp_extract_all(text, '(?i)(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&''()*+,;=%]+')), '[.,;:!?''")\]]+$', '') AS url
	FROM counted_messages
	-- contains, not lower() or ILIKE: 10 to 100 times faster natively, and every link holds one of these.
	WHERE contains(text, '://') OR contains(text, 'www.') OR contains(text, 'WWW.')
), links AS (
	SELECT author_id, sent_at, 'link' AS item, regexp_extract(lower(url), '^(?:[a-z]+://)?(?:[^/?#@]*@)?(?:www\.)?([^/?#:]*)', 1) AS value
	FROM urls
), emoji AS (
	SELECT author_id, sent_at, 'emoji' AS item, unnest(regexp_extract_all(text, $emoji_pattern)) AS value
	FROM counted_messages
	-- A cheap superset (every character an emoji can start with, in 7 ranges) spares most texts the full pattern.
	WHERE regexp_matches(text, '[\x{A9}\x{AE}\x{203C}-\x{2BFF}\x{3030}\x{303D}\x{3297}\x{3299}\x{1F000}-\x{1FFFF}]')
), media AS (
	SELECT author_id, sent_at, 'media' AS item,
		CASE
			WHEN kind = 'sticker' OR regexp_matches(t, '^sticker omitted$|-sticker-|^stk-') THEN 'sticker'
			WHEN regexp_matches(t, '^gif omitted$|-gif-|\.gif\b') THEN 'gif'
			WHEN regexp_matches(t, '^\[(?:图片|image|photo)\]|^image omitted$|-photo-|\.(?:jpe?g|png|webp|heic|bmp)\b') THEN 'photo'
			WHEN regexp_matches(t, '^\[(?:视频|video)\]|^video omitted$|-video-|\.(?:mp4|mov|3gp|avi|mkv|webm)\b') THEN 'video'
			WHEN regexp_matches(t, '^\[(?:语音|voice|audio)\]|^audio omitted$|-audio-|\.(?:opus|ogg|m4a|mp3|aac|amr|wav)\b') THEN 'voice'
			WHEN regexp_matches(t, '^contact card omitted$|\.vcf\b') THEN 'contact'
			WHEN regexp_matches(t, '(?:voice|video) call\b') THEN 'call'
			WHEN regexp_matches(t, '^\[(?:文件|file)\]|document omitted$|\(file attached\)$|^<attached: ') THEN 'file'
			-- "<Media omitted>" (WhatsApp on Android) and media the export keeps without text do not say which.
			ELSE 'unspecified'
		END AS value
	FROM (SELECT author_id, sent_at, kind, lower(trim(text)) AS t FROM filtered_messages WHERE kind IN ('media', 'sticker'))
)
SELECT author_id, date_trunc('month', sent_at) AS month_start, item, value FROM links WHERE value <> ''
UNION ALL SELECT author_id, date_trunc('month', sent_at), item, value FROM emoji
UNION ALL SELECT author_id, date_trunc('month', sent_at), item, value FROM media
