/**
 * Fits the reply-link ranking model (src/lib/metrics/links/reply-model.ts) on the Ubuntu IRC train split
 * and reports it on the dev split (../shared/fixtures/irc-train; Kummerfeld et al., ACL 2019, CC-BY-4.0).
 * Deterministic: the same files give the same weights. Never reads ../shared/fixtures/real.
 *
 *   npx tsx scripts/train-reply-model.ts [--write]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { REPLY_CONTEXT_OPTIONS, REPLY_FEATURES, ReplyContext, type ReplyOption } from '../src/lib/metrics/links/reply-context';


const CORPUS = resolve(import.meta.dirname, '../../shared/fixtures/irc-train');
const L2 = 1e-3;
const NEWTON_STEPS = 12;
/** Fit on every third annotated train message: enough for 26 weights, and a third of the time. */
const TRAIN_EVERY = 3;

interface IrcRow {
	message_id: string;
	timestamp: string;
	author: string;
	text: string;
	reply_to: string;
	is_system: string;
	annotated: string;
}

/** Annotated messages: each one's options' features, flat, and which option is the gold parent (-1: out of reach). */
interface Examples {
	features: Float64Array;
	/** option offsets: message i has options first[i] … first[i + 1] - 1 */
	first: Int32Array;
	gold: Int32Array;
}

const WIDTH = REPLY_FEATURES.length;

/** Growable Float64Array: a plain array of tens of millions of numbers is several times slower to build. */
class Floats {
	values = new Float64Array(1 << 20);
	length = 0;
	push(values: Float64Array): void {
		if (this.length + values.length > this.values.length) {
			const grown = new Float64Array(2 * this.values.length);
			grown.set(this.values);
			this.values = grown;
		}
		this.values.set(values, this.length);
		this.length += values.length;
	}
}

function readSplit(split: 'train' | 'dev'): IrcRow[][] {
	const folder = resolve(CORPUS, split);
	return readdirSync(folder)
		.filter((name) => name.endsWith('.messages.csv'))
		.sort()
		.map((file) => Papa.parse<IrcRow>(readFileSync(resolve(folder, file), 'utf8'), { header: true, skipEmptyLines: true }).data.filter((row) => row.is_system === '0'));
}

/** Share of a split's messages that name another member, names found as the links table finds them. */
function namingShare(files: IrcRow[][]): number {
	let named = 0;
	let messages = 0;
	for (const rows of files) {
		const context = new ReplyContext([...new Set(rows.map((row) => row.author))].map((author) => ({ name: author, author_id: author })), REPLY_CONTEXT_OPTIONS);
		for (const [seq, row] of rows.entries()) {
			if (context.read({ seq, source_index: 0, author_id: row.author, sent_ms: 0, text: row.text, replied_author_id: null }).names.length > 0) named++;
			messages++;
		}
	}
	return named / messages;
}

/** Every `every`-th annotated message of a split (all of them read as context), with its options. */
function examples(files: IrcRow[][], naming_share: number, every = 1): Examples {
	const features = new Floats();
	let annotated = 0;
	const first: number[] = [0];
	const gold: number[] = [];
	for (const rows of files) {
		const authors = [...new Set(rows.map((row) => row.author))];
		const context = new ReplyContext(
			authors.map((author) => ({ name: author, author_id: author })),
			{ ...REPLY_CONTEXT_OPTIONS, naming_share }
		);
		for (const [seq, row] of rows.entries()) {
			const message = context.read({
				seq,
				source_index: 0,
				author_id: row.author,
				sent_ms: Date.parse(row.timestamp + 'Z'),
				text: row.text,
				replied_author_id: null
			});
			if (row.annotated === '1' && annotated++ % every === 0) {
				const options = context.options(message);
				gold.push(options.findIndex((option: ReplyOption) => (option.candidate ? rows[option.candidate.seq].message_id : '') === row.reply_to));
				for (const option of options) features.push(option.features);
				first.push(first[first.length - 1] + options.length);
			}
			context.add(message);
		}
	}
	return { features: features.values.slice(0, features.length), first: Int32Array.from(first), gold: Int32Array.from(gold) };
}

/** Each option's score under `weights`. */
function scores(weights: Float64Array, set: Examples): Float64Array {
	const out = new Float64Array(set.features.length / WIDTH);
	for (let option = 0; option < out.length; option++) {
		let sum = 0;
		for (let index = 0; index < WIDTH; index++) sum += weights[index] * set.features[option * WIDTH + index];
		out[option] = sum;
	}
	return out;
}

/** Mean negative log-likelihood plus the L2 penalty, its gradient and Hessian (conditional logit over each message's options). */
function objective(weights: Float64Array, set: Examples, with_derivatives: boolean) {
	const s = scores(weights, set);
	const gradient = new Float64Array(WIDTH);
	const hessian = new Float64Array(WIDTH * WIDTH);
	const usable = set.gold.reduce((count, gold) => count + (gold >= 0 ? 1 : 0), 0);
	let loss = 0;
	const mean = new Float64Array(WIDTH);
	for (let message = 0; message < set.gold.length; message++) {
		const gold = set.gold[message];
		if (gold < 0) continue;
		const from = set.first[message];
		const to = set.first[message + 1];
		let top = -Infinity;
		for (let option = from; option < to; option++) top = Math.max(top, s[option]);
		let total = 0;
		for (let option = from; option < to; option++) total += Math.exp(s[option] - top);
		loss += top + Math.log(total) - s[from + gold];
		if (!with_derivatives) continue;
		mean.fill(0);
		for (let option = from; option < to; option++) {
			const p = Math.exp(s[option] - top) / total;
			const row = option * WIDTH;
			for (let i = 0; i < WIDTH; i++) {
				const x = set.features[row + i];
				if (x === 0) continue;
				mean[i] += p * x;
				for (let j = 0; j <= i; j++) hessian[i * WIDTH + j] += p * x * set.features[row + j];
			}
		}
		for (let i = 0; i < WIDTH; i++) {
			gradient[i] += mean[i] - set.features[(from + gold) * WIDTH + i];
			for (let j = 0; j <= i; j++) hessian[i * WIDTH + j] -= mean[i] * mean[j];
		}
	}
	let penalty = 0;
	for (let i = 0; i < WIDTH; i++) penalty += (L2 / 2) * weights[i] * weights[i];
	for (let i = 0; i < WIDTH; i++) {
		gradient[i] = gradient[i] / usable + L2 * weights[i];
		for (let j = 0; j <= i; j++) {
			const h = hessian[i * WIDTH + j] / usable + (i === j ? L2 : 0);
			hessian[i * WIDTH + j] = h;
			hessian[j * WIDTH + i] = h;
		}
	}
	return { loss: loss / usable + penalty, gradient, hessian };
}

/** Solves H d = g by Cholesky (H is positive definite thanks to the L2 term). */
function solve(hessian: Float64Array, gradient: Float64Array): Float64Array {
	const n = WIDTH;
	const l = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = hessian[i * n + j];
			for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
			l[i * n + j] = i === j ? Math.sqrt(sum) : sum / l[j * n + j];
		}
	}
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let sum = gradient[i];
		for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
		y[i] = sum / l[i * n + i];
	}
	const d = new Float64Array(n);
	for (let i = n - 1; i >= 0; i--) {
		let sum = y[i];
		for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * d[k];
		d[i] = sum / l[i * n + i];
	}
	return d;
}

/** Newton's method with step halving from zero weights: the objective is convex, so this is its minimum. */
function fit(set: Examples): Float64Array {
	let weights = new Float64Array(WIDTH);
	for (let step = 1; step <= NEWTON_STEPS; step++) {
		const { loss, gradient, hessian } = objective(weights, set, true);
		const direction = solve(hessian, gradient);
		let scale = 1;
		let next = weights.map((w, i) => w - direction[i]);
		while (objective(next, set, false).loss > loss && scale > 1e-4) {
			scale /= 2;
			next = weights.map((w, i) => w - scale * direction[i]);
		}
		weights = next;
		console.error(`step ${step}: loss ${loss.toFixed(5)}`);
	}
	return weights;
}

/** Share of the messages whose best-scoring option is the gold parent (ties: the earlier option). */
function accuracy(weights: Float64Array, set: Examples): number {
	const s = scores(weights, set);
	let correct = 0;
	for (let message = 0; message < set.gold.length; message++) {
		let best = set.first[message];
		for (let option = best + 1; option < set.first[message + 1]; option++) if (s[option] > s[best]) best = option;
		if (best - set.first[message] === set.gold[message]) correct++;
	}
	return correct / set.gold.length;
}

const train_files = readSplit('train');
const naming_share = Math.round(namingShare(train_files) * 1e4) / 1e4;
const train = examples(train_files, naming_share, TRAIN_EVERY);
console.error(`read ${train.gold.length} train examples`);
const dev = examples(readSplit('dev'), naming_share);
const weights = fit(train);
const round = (value: number) => Math.round(value * 1e4) / 1e4;
console.log(`train: ${(100 * naming_share).toFixed(2)}% of messages name another member`);
console.log(`train: ${train.gold.length} annotated messages (${train.gold.filter((gold) => gold < 0).length} with the gold parent out of reach)`);
console.log(`dev: ${dev.gold.length} annotated messages, exact parent ${(100 * accuracy(weights, dev)).toFixed(1)}%; train ${(100 * accuracy(weights, train)).toFixed(1)}%`);
for (const [index, name] of REPLY_FEATURES.entries()) console.log(`  ${name.padEnd(34)} ${round(weights[index])}`);

if (process.argv.includes('--write')) {
	const path = resolve(import.meta.dirname, '../src/lib/metrics/links/reply-weights.json');
	const model = { naming_share, ...Object.fromEntries(REPLY_FEATURES.map((name, index) => [name, round(weights[index])])) };
	writeFileSync(path, JSON.stringify(model, null, '\t') + '\n');
	console.log(`wrote ${path}`);
}
