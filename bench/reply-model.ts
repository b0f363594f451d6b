// `npx tsx bench/reply-model.ts [--messages 300000] [--runs 3]`: reply inference alone (ReplyContext.read → best →
// chooseReply → add, as buildInteractionLinks runs it for every message without reply_to) on the first messages of
// the synthetic 1M export, in CPU time, next to its floor in the same run: the loop that only reads each message
// (names, words, question cues) and adds it, without ranking candidates. Prints µs per message and a digest of the
// chosen parents and reasons, so two versions can be checked to choose alike.
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createNativeDb } from '../src/lib/db/duckdb-native';
import { chooseReply, REPLY_WEIGHTS } from '../src/lib/metrics/links/choose-reply';
import { REPLY_CONTEXT_OPTIONS, ReplyContext, type ReplyMessage } from '../src/lib/metrics/links/reply-context';
import { writeSyntheticExport } from './generate-export';

const flag = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const MESSAGES = Number(flag('--messages', '300000'));
const RUNS = Number(flag('--runs', '3'));
const out_dir = resolve('bench/out');
mkdirSync(out_dir, { recursive: true });
const path = resolve(out_dir, 'synthetic-1000000.csv');
if (!existsSync(path)) await writeSyntheticExport(path, 1_000_000);

const db = await createNativeDb();
const rows = await db.query<ReplyMessage>(
	`SELECT row_number() OVER (ORDER BY timestamp, message_id)::INTEGER AS seq, 1 AS source_index, author AS author_id,
		epoch_ms(timestamp)::DOUBLE AS sent_ms, coalesce(text, '') AS text, NULL::VARCHAR AS replied_author_id
	FROM read_csv(?) ORDER BY seq LIMIT ?`,
	[path, MESSAGES]
);
await db.close();
const members = [...new Set(rows.map((row) => row.author_id))].map((author_id) => ({ name: author_id, author_id }));

function cpuSeconds(task: () => void): number {
	const before = process.cpuUsage();
	task();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let digest = 0;
const floor: number[] = [];
const model: number[] = [];
for (let run = 0; run < RUNS; run++) {
	floor.push(
		cpuSeconds(() => {
			const context = new ReplyContext(members, REPLY_CONTEXT_OPTIONS);
			for (const row of rows) context.add(context.read(row));
		})
	);
	model.push(
		cpuSeconds(() => {
			const context = new ReplyContext(members, REPLY_CONTEXT_OPTIONS);
			digest = 0;
			for (const row of rows) {
				const message = context.read(row);
				const choice = chooseReply(context.best(message, REPLY_WEIGHTS), (author_id) => author_id, 60);
				digest = (digest * 31 + (choice.parent?.seq ?? -1) + choice.reason.length) % 1e9;
				context.add(message);
			}
		})
	);
}
const per_message = (seconds: number) => ((seconds * 1e6) / rows.length).toFixed(1);
console.log(`${rows.length.toLocaleString('en')} messages, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}, median of ${RUNS} (CPU time)`);
console.log(`| step | µs a message | ratio to the floor |`);
console.log(`|---|---:|---:|`);
console.log(`| read and add each message (floor) | ${per_message(median(floor))} | 1.0× |`);
console.log(`| reply inference (read, rank the candidates, say why, add) | ${per_message(median(model))} | ${(median(model) / median(floor)).toFixed(1)}× |`);
console.log(`digest of the parents and reasons: ${digest}`);
