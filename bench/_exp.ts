import { createNodeDb } from '/work/wt/search-speed/src/lib/db/duckdb-node';
const db = await createNodeDb();
await db.registerFile('c.csv', { path: '/work/big/c1m.csv' });
let t = performance.now();
await db.exec(`CREATE TABLE messages AS SELECT message_id, timestamp AS sent_at, author AS author_id, author AS author_name, role, text, likes, kind FROM read_csv('c.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={'message_id':'VARCHAR','timestamp':'TIMESTAMP','author':'VARCHAR','role':'VARCHAR','text':'VARCHAR','likes':'INTEGER','reply_to':'VARCHAR','kind':'VARCHAR'})`);
await db.exec(`CREATE VIEW counted_messages AS SELECT * FROM messages WHERE kind NOT IN ('system','media','sticker')`);
await db.exec(`CREATE TABLE links AS SELECT message_id, CASE WHEN random()<0.5 THEN NULL ELSE message_id END AS parent_id, 'reply_to' AS rule FROM messages`);
console.log('load', (performance.now()-t).toFixed(0));
async function time(label: string, sql: string, params: unknown[] = [], runs = 3) {
  const ms: number[] = []; let r: any;
  for (let i = 0; i < runs; i++) { const s = performance.now(); r = await db.query(sql, params); ms.push(performance.now() - s); }
  ms.sort((a,b)=>a-b);
  console.log(label.padEnd(50), ms.map(x=>x.toFixed(0)).join(' '), JSON.stringify(r[0] ?? null).slice(0, 80));
}
const B = '[^\\pL\\pM\\pN]';
await time('floor count(*)', `SELECT count(*)::INT n FROM counted_messages`);
await time('floor ILIKE the', `SELECT count(*)::INT n FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%'`);
await time('ILIKE + (?i) boundary regex', `SELECT count(*)::INT n FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' AND regexp_matches(coalesce(text,''), ?)`, [`(?i)(?:^|${B})the(?:${B}|$)`]);
await time('ILIKE + classes boundary regex', `SELECT count(*)::INT n FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' AND regexp_matches(coalesce(text,''), ?)`, [`(?:^|${B})[tT][hH][eE](?:${B}|$)`]);
await time('regex (?i) alone', `SELECT count(*)::INT n FROM counted_messages WHERE regexp_matches(coalesce(text,''), ?)`, [`(?i)(?:^|${B})the(?:${B}|$)`]);
await time('ILIKE + \\b regex', `SELECT count(*)::INT n FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' AND regexp_matches(coalesce(text,''), ?)`, [`(?i)\\bthe\\b`]);
await time('old page 0', `SELECT message_id FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' ORDER BY sent_at, length(message_id), message_id LIMIT 100 OFFSET 0`);
await time('old page 90000', `SELECT message_id FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' ORDER BY sent_at, length(message_id), message_id LIMIT 100 OFFSET 90000`);
t = performance.now();
await db.exec(`CREATE TEMP TABLE k1 AS SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id) AS rank, message_id, sent_at, author_id, author_name, role, text, likes FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' ORDER BY rank`);
console.log('keep full rows', (performance.now()-t).toFixed(0));
t = performance.now();
await db.exec(`CREATE TEMP TABLE k2 AS SELECT row_number() OVER (ORDER BY sent_at, length(message_id), message_id) AS rank, rowid AS row FROM counted_messages WHERE coalesce(text,'') ILIKE '%the%' ORDER BY rank`);
console.log('keep rank+rowid', (performance.now()-t).toFixed(0));
await time('count k1', `SELECT count(*)::INT n FROM k1`);
await time('page k1 90000 + links', `SELECT k.rank, k.message_id, k.text, l.parent_id, p.author_name FROM k1 k LEFT JOIN links l USING (message_id) LEFT JOIN messages p ON p.message_id = l.parent_id WHERE k.rank BETWEEN 90001 AND 90100 ORDER BY k.rank`);
await time('page k1 90000 no links', `SELECT k.rank, k.message_id, k.text FROM k1 k WHERE k.rank BETWEEN 90001 AND 90100 ORDER BY k.rank`);
await time('page k2 rowid join', `SELECT k.rank, m.message_id, m.text FROM k2 k JOIN messages m ON m.rowid = k.row WHERE k.rank BETWEEN 90001 AND 90100 ORDER BY k.rank`);
await time('page k2 rowid IN', `SELECT m.message_id, m.text FROM messages m WHERE m.rowid IN (SELECT row FROM k2 WHERE rank BETWEEN 90001 AND 90100)`);
await time('month old page 0', `SELECT message_id FROM counted_messages WHERE sent_at >= '2020-03-01'::DATE AND sent_at < '2020-03-01'::DATE + INTERVAL 1 MONTH ORDER BY sent_at, length(message_id), message_id LIMIT 100 OFFSET 0`);
await time('month old page 10000', `SELECT message_id FROM counted_messages WHERE sent_at >= '2020-03-01'::DATE AND sent_at < '2020-03-01'::DATE + INTERVAL 1 MONTH ORDER BY sent_at, length(message_id), message_id LIMIT 100 OFFSET 10000`);
await time('month count', `SELECT count(*)::INT n FROM counted_messages WHERE sent_at >= '2020-03-01'::DATE AND sent_at < '2020-03-01'::DATE + INTERVAL 1 MONTH`);
