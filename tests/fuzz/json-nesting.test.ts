import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discordJson } from '../../src/lib/ingest/formats/discord-json';
import { MAX_MESSAGE_DEPTH } from '../../src/lib/ingest/formats/nested-deeper-than';
import { telegramJson } from '../../src/lib/ingest/formats/telegram-json';

const SEED = 20_261_203;
const RUNS = Math.round(80 * Number(process.env.FUZZ_SCALE ?? 1));
const encoder = new TextEncoder();

// Shallow values, values just past the limit, and values deep enough to have crashed the importer.
const depth = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1_000, max: 150_000 }));
const nesting = fc.record({ depth, object: fc.boolean(), field: fc.constantFrom('text', 'reactions', 'extra', 'from') });
const file = fc.record({ format: fc.constantFrom('telegram', 'discord'), messages: fc.array(fc.option(nesting, { nil: null }), { minLength: 1, maxLength: 6 }) });

const deepValue = ({ depth, object }: { depth: number; object: boolean }) =>
	object ? `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}` : `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

function telegramMessage(index: number, deep: { depth: number; object: boolean; field: string } | null): string {
	const fields: Record<string, string> = { id: String(index + 1), type: '"message"', date_unixtime: `"${1_700_000_000 + index * 60}"`, from: '"A"', from_id: '"user1"', text: '"hi"' };
	if (deep) fields[deep.field] = deepValue(deep);
	return `{${Object.entries(fields).map(([key, value]) => `"${key}": ${value}`).join(', ')}}`;
}

function discordMessage(index: number, deep: { depth: number; object: boolean; field: string } | null): string {
	const fields: Record<string, string> = { id: `"${index + 1}"`, type: '"Default"', timestamp: `"2024-02-05T10:${String(index).padStart(2, '0')}:00+00:00"`, content: '"hi"', author: '{"id": "7", "name": "ann"}' };
	if (deep) fields[{ text: 'content', from: 'author', reactions: 'reactions', extra: 'embeds' }[deep.field]!] = deepValue(deep);
	return `{${Object.entries(fields).map(([key, value]) => `"${key}": ${value}`).join(', ')}}`;
}

describe('JSON exports with values nested at any depth, fuzzed', () => {
	it(`${RUNS} Telegram and Discord files (seed ${SEED}): never a crash; a message nested past ${MAX_MESSAGE_DEPTH} levels is one rejected row at its line`, () => {
		let deep_rejected = 0;
		fc.assert(
			fc.property(file, ({ format, messages }) => {
				const lines = messages.map((deep, index) => (format === 'telegram' ? telegramMessage(index, deep) : discordMessage(index, deep)));
				const head = format === 'telegram' ? '{"name": "G", "type": "private_group", "id": 1, "messages": [' : '{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"}, "messages": [';
				const text = `${head}\n${lines.join(',\n')}\n]}`;
				const adapter = format === 'telegram' ? telegramJson : discordJson;
				const parsed = adapter.parse({ name: 'chat.json', bytes: encoder.encode(text) }, { time_zone: 'UTC' });
				expect(parsed.messages.length + parsed.rejected.length).toBe(messages.length);
				expect(parsed.rows_in_file).toBe(messages.length);
				messages.forEach((deep, index) => {
					// The message object is one level; its field adds the nested value's levels.
					if (!deep || deep.depth + 1 <= MAX_MESSAGE_DEPTH) return;
					deep_rejected++;
					expect(parsed.rejected).toContainEqual({ line: index + 2, reason: `a message nested more than ${MAX_MESSAGE_DEPTH} levels deep (damaged or not an export)` });
				});
				for (const message of parsed.messages) expect(message.line).toBeGreaterThanOrEqual(2);
			}),
			{ seed: SEED, numRuns: RUNS, endOnFailure: true }
		);
		console.info(`JSON nesting fuzz: ${RUNS} files, ${deep_rejected} messages nested past the limit, each rejected at its line`);
	}, 300_000);
});
