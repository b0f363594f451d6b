import { pathImportSource } from '../cli/path-import-source';
import { DEFAULT_ANONYMIZE_OPTIONS } from '../src/lib/anonymize/anonymize-options';
import { textScrubber, type KnownPerson } from '../src/lib/anonymize/text-scrubber';
import { createNodeDb } from '../src/lib/db/duckdb-node';
import { loadDataset } from '../src/lib/ingest/load-dataset';

// Times textScrubber over every message text of the files, beside the floor: the same texts normalised (NFKC) once.
const paths = process.argv.slice(2);
const db = await createNodeDb();
await loadDataset(db, paths.map((path) => ({ source: pathImportSource(path) })), { time_zone: 'UTC' });
const texts = (await db.query<{ text: string }>('SELECT text FROM messages ORDER BY sent_at')).map((row) => row.text);
const names = await db.query<{ author_id: string; names: string[] }>('SELECT author_id, list(DISTINCT author_name) AS names FROM messages GROUP BY author_id');
await db.close();
const people: KnownPerson[] = names.map((row, index) => ({ code: `S${index + 1}`, names: [...row.names], ids: [row.author_id] }));

const best = (run: () => void): number => {
	let fastest = Infinity;
	for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
		const started = performance.now();
		run();
		fastest = Math.min(fastest, performance.now() - started);
	}
	return fastest;
};
let sink = 0;
const floor_ms = best(() => {
	for (const text of texts) sink += text.normalize('NFKC').length;
});
const scrub_ms = best(() => {
	const scrubber = textScrubber(people, DEFAULT_ANONYMIZE_OPTIONS, () => 'P1');
	for (const text of texts) sink += scrubber.scrub(text).length;
});
console.log(JSON.stringify({ texts: texts.length, people: people.length, floor_nfkc_ms: Math.round(floor_ms), scrub_ms: Math.round(scrub_ms), ratio: +(scrub_ms / floor_ms).toFixed(1), sink: sink > 0 }));
