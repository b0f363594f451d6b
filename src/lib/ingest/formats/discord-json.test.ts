import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { discordJson } from './discord-json';
import { exportSummary } from './export-summary.test-helper';

const fixtures = resolve(process.cwd(), 'tests/fixtures/formats');
const options = { time_zone: 'Europe/London' };
const FIXTURE = 'discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json';
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(resolve(fixtures, name))) });
const encoder = new TextEncoder();
const channel = (messages: unknown[]) => ({
	name: 'c.json',
	bytes: encoder.encode(JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'c' }, messages }))
});
const author = (roles: string[]) => ({ id: '9', name: 'n', nickname: 'n', isBot: false, roles: roles.map((name, id) => ({ id, name })) });

describe('discordJson.parse', () => {
	test(`${FIXTURE} gives exactly the expected rows, rejects, kinds and authors`, () => {
		const expected = JSON.parse(readFileSync(resolve(fixtures, FIXTURE.replace(/\.json$/, '.expected.json')), 'utf8'));
		expect(exportSummary(discordJson.parse(read(FIXTURE), options))).toEqual(expected);
	});

	test('keeps the role names of each human author as a member hint', () => {
		const message = (id: string, roles: string[]) => ({ id, type: 'Default', timestamp: '2024-01-01T00:00:00+00:00', content: 'x', author: author(roles) });
		expect(discordJson.parse(channel([message('1', ['Beta', 'Moderator']), message('2', [])]), options).member_hints).toEqual([
			{ author_id: '9', hint: 'Discord roles: Beta, Moderator' }
		]);
	});

	test.each([
		[['Mentor'], 'mentor'],
		[['Teaching Staff'], 'mentor'],
		[['TA'], 'mentor'],
		[['Course TAs'], 'mentor'],
		[['Server Admin'], 'mentor'],
		[['Beta'], null],
		[['Data Science', 'Students'], null],
		[[], null]
	])('roles %j give role %s', (roles, role) => {
		const message = { id: '1', type: 'Default', timestamp: '2024-01-01T00:00:00+00:00', content: 'x', author: author(roles) };
		expect(discordJson.parse(channel([message]), options).messages[0].role).toBe(role);
	});

	test('a timestamp is an instant: it is shown as wall-clock time in the dataset zone', () => {
		const message = { id: '1', type: 'Default', timestamp: '2024-07-01T23:30:00.000-04:00', content: 'x', author: author([]) };
		expect(discordJson.parse(channel([message]), { time_zone: 'Asia/Tokyo' }).messages[0].sent_at).toBe('2024-07-02 12:30:00');
	});

	test('likes are null when no message carries a reactions list', () => {
		const message = { id: '1', type: 'Default', timestamp: '2024-01-01T00:00:00+00:00', content: 'x', author: author([]) };
		const parsed = discordJson.parse(channel([message]), options);
		expect([parsed.capabilities.likes, parsed.messages[0].likes]).toEqual([false, null]);
	});

	test('JSON that is not a DiscordChatExporter export is refused with a one-line reason', () => {
		expect(() => discordJson.parse({ name: 'x.json', bytes: encoder.encode('{"messages": []}') }, options)).toThrow(
			/not a DiscordChatExporter JSON export/
		);
		expect(() => discordJson.parse({ name: 'x.json', bytes: encoder.encode('{') }, options)).toThrow(/^x\.json is not valid JSON/);
	});
});

describe('discordJson.detect', () => {
	test('recognises DCE JSON and ignores Telegram JSON', () => {
		expect(discordJson.detect(read(FIXTURE))).toBe(true);
		expect(discordJson.detect(read('telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json'))).toBe(false);
	});
});

describe('discordJson.parse on hostile input (found by tests/fuzz)', () => {
	test('the JSON syntax error of a file cut mid-message is quoted on one line', () => {
		const cut = encoder.encode('{\n  "guild": {"id": "1"},\n  "channel": {"id": "2"},\n  "messages": [\n    {"id": "1",\n      "content": "cut');
		expect(() => discordJson.parse({ name: 'x.json', bytes: cut }, options)).toThrow(/^x\.json is not valid JSON \([^\n]*\); export the channel again as JSON\.$/);
	});
});
