import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import { exportSummary } from './export-summary.test-helper';
import { slackZip } from './slack-zip';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'America/New_York' };
const FIXTURE = 'slack-zip__2-channels_thread_reactions_subtypes_4-rejects';

/** The fixture lists each file of the export; JSON values are written as Slack writes them, strings verbatim. */
function exportFiles(name: string, folder = ''): Zippable {
	const files = JSON.parse(readFileSync(resolve(fixtures, `${name}.files.json`), 'utf8')) as Record<string, unknown>;
	const zippable: Zippable = {};
	for (const [path, content] of Object.entries(files)) {
		zippable[folder + path] = strToU8(typeof content === 'string' ? content : JSON.stringify(content, null, 4));
	}
	return zippable;
}

function exportZip(name: string): { name: string; bytes: Uint8Array } {
	return { name: `${name}.zip`, bytes: zipSync(exportFiles(name)) };
}

describe('slackZip.parse', () => {
	test(`${FIXTURE} gives exactly the expected rows, rejects, kinds and authors`, () => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, `${FIXTURE}.expected.json`), 'utf8'));
		expect(exportSummary(slackZip.parse(exportZip(FIXTURE), options))).toEqual(expected);
	});

	test('an export wrapped in a top folder, with macOS metadata beside it, reads the same; rejects name the full path', () => {
		const folder = 'Acme Slack export Mar 1 2024 - Mar 2 2024/';
		const bytes = zipSync({
			[`__MACOSX/${folder}._users.json`]: new Uint8Array([0, 5, 22, 7]),
			...exportFiles(FIXTURE, folder)
		});
		const wrapped = { name: `${FIXTURE}.zip`, bytes };
		expect(slackZip.detect(wrapped)).toBe(true);
		const plain = slackZip.parse(exportZip(FIXTURE), options);
		expect(slackZip.parse(wrapped, options)).toEqual({
			...plain,
			rejected: plain.rejected.map((row) => ({ ...row, reason: folder + row.reason }))
		});
	});

	test('a thread reply points at its parent as channel:thread_ts; the parent points nowhere', () => {
		const { messages, capabilities } = slackZip.parse(exportZip(FIXTURE), options);
		const parent = messages.find((message) => message.text.startsWith('Welcome'))!;
		const replies = messages.filter((message) => message.reply_to === parent.message_id);
		expect(parent.reply_to).toBeNull();
		expect(replies.map((message) => message.author_name)).toEqual(['ben', 'ada']);
		expect(capabilities.reply_ids).toBe(true);
	});

	test('a zip that is not a Slack export is refused with a one-line reason', () => {
		const bytes = zipSync({ '_chat.txt': strToU8('12/9/20, 23:55 - Bob: hello\n') });
		expect(() => slackZip.parse({ name: 'WhatsApp Chat.zip', bytes }, options)).toThrow(/not a Slack workspace export/);
		expect(() => slackZip.parse({ name: 'a.zip', bytes: strToU8('PK\u0003\u0004 broken') }, options)).toThrow('a.zip is damaged (invalid zip data): re-export or re-download it.');
	});
});

describe('slackZip.detect', () => {
	test('recognises a Slack export and ignores other zips and non-zips', () => {
		expect(slackZip.detect(exportZip(FIXTURE))).toBe(true);
		expect(slackZip.detect({ name: 'chat.zip', bytes: zipSync({ '_chat.txt': strToU8('hi') }) })).toBe(false);
		expect(slackZip.detect({ name: 'users.zip', bytes: zipSync({ 'users.json': strToU8('[]') }) })).toBe(false);
		expect(slackZip.detect({ name: 'a.json', bytes: strToU8('{"guild": {}}') })).toBe(false);
	});
});

describe('slackZip.parse on hostile input (found by tests/fuzz)', () => {
	test('a ts past what a Date can hold is a rejected row, not a RangeError (at the line of its day file: one line here)', () => {
		const bytes = zipSync({
			'users.json': strToU8('[{"id": "U1", "name": "ann"}]'),
			'channels.json': strToU8('[{"id": "C1", "name": "general"}]'),
			'general/2021-01-01.json': strToU8(
				JSON.stringify([
					{ type: 'message', user: 'U1', text: 'ok', ts: '1609495200.000100' },
					{ type: 'message', user: 'U1', text: 'far future', ts: '99999999999999.000100' }
				])
			)
		});
		const parsed = slackZip.parse({ name: 'w.zip', bytes }, options);
		expect(parsed.messages.map((message) => message.text)).toEqual(['ok']);
		expect(parsed.rejected).toEqual([{ line: 1, reason: 'general/2021-01-01.json, message 2: no readable "ts" (found "99999999999999.000100")' }]);
	});

	test('<!constructor>, <!__proto__> and <!toString> read as @-words, not as properties of an object', () => {
		const bytes = zipSync({
			'users.json': strToU8('[{"id": "U1", "name": "ann"}]'),
			'channels.json': strToU8('[{"id": "C1", "name": "general"}]'),
			'general/2021-01-01.json': strToU8(
				JSON.stringify([{ type: 'message', user: 'U1', text: 'hi <!constructor> <!__proto__> <!toString> <!here>', ts: '1609495200.000100' }])
			)
		});
		expect(slackZip.parse({ name: 'w.zip', bytes }, options).messages.map((message) => message.text)).toEqual(['hi @constructor @__proto__ @toString @here']);
	});
});
