import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';
import { analysisJson } from './commands/analyze';
import { loadCliDataset } from './load-cli-dataset';
import { readSettings } from './read-settings';

const formats = resolve(process.cwd(), 'tests/fixtures/formats');
const metrics = resolve(process.cwd(), 'tests/fixtures/metrics');
let folder: string;

/** One analysis as `resonance analyze` prints it, on the given engine. */
async function analyze(engine: string, files: string[], options: { roster?: string; config?: string; tz?: string } = {}) {
	const settings = options.config ? readSettings(options.config, 'UTC') : readSettings(resolve(folder, 'empty-settings.json'), 'UTC');
	if (options.tz) settings.time_zone = options.tz;
	const { db, report } = await loadCliDataset(files, { roster: options.roster, tz: settings.time_zone, engine });
	try {
		return await analysisJson(db, report, settings);
	} finally {
		await db.close();
	}
}

/** Equal, with floats compared to 1e-9 (the engines may sum in another order). */
function expectSameAnalysis(native: unknown, wasm: unknown, path = '$'): void {
	if (typeof native === 'number' && typeof wasm === 'number' && !Number.isInteger(native)) {
		expect(Math.abs(native - wasm), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wasm)));
	} else if (native && wasm && typeof native === 'object' && typeof wasm === 'object') {
		expect(Object.keys(native), path).toEqual(Object.keys(wasm));
		for (const key of Object.keys(native)) expectSameAnalysis((native as Record<string, unknown>)[key], (wasm as Record<string, unknown>)[key], `${path}.${key}`);
	} else {
		expect(native, path).toEqual(wasm);
	}
}

beforeAll(() => {
	folder = mkdtempSync(resolve(tmpdir(), 'resonance-parity-'));
	const sample = generateSampleCommunity();
	writeFileSync(resolve(folder, 'community.csv'), sample.csv);
	writeFileSync(resolve(folder, 'roster.csv'), sample.roster_csv);
	writeFileSync(resolve(folder, 'settings.json'), JSON.stringify(sample.settings));
	writeFileSync(resolve(folder, 'empty-settings.json'), '{}');
	const files = JSON.parse(readFileSync(resolve(formats, 'slack-zip__2-channels_thread_reactions_subtypes_4-rejects.files.json'), 'utf8')) as Record<string, unknown>;
	const zippable: Zippable = {};
	for (const [path, content] of Object.entries(files)) zippable[path] = strToU8(typeof content === 'string' ? content : JSON.stringify(content));
	writeFileSync(resolve(folder, 'slack.zip'), zipSync(zippable));
});

// Each case loads and analyses twice, once on each engine, with its own database start-up.
const PARITY_TIMEOUT_MS = 180_000;

describe('native DuckDB and duckdb-wasm give the same analysis', () => {
	test('the sample community with its roster and three stages', async () => {
		const files = [resolve(folder, 'community.csv')];
		const options = { roster: resolve(folder, 'roster.csv'), config: resolve(folder, 'settings.json') };
		const native = await analyze('native', files, options);
		expect(native.stages).toHaveLength(3);
		expectSameAnalysis(native, await analyze('wasm', files, options));
	}, PARITY_TIMEOUT_MS);

	test('a study-shaped hand-made community with two stages and an event', async () => {
		const files = [resolve(metrics, 'resonance__mentor-3-students_jan-feb-2021_regular-poster-silent_one-message-student_media-after-silence.csv')];
		const options = { roster: resolve(metrics, 'roster__mentor-no-cohort_3-students-2-cohorts_1-lurker.csv'), config: resolve(metrics, 'settings__2-stages-january-and-february-march_1-event.json') };
		expectSameAnalysis(await analyze('native', files, options), await analyze('wasm', files, options));
	}, PARITY_TIMEOUT_MS);

	test.each([
		'qq-txt__2-blocks_8-messages_multiline_system_placeholders.txt',
		'qq-txt__gb18030_2-blocks_8-messages.txt',
		'wechat-csv__bom_crlf_group_quote-reply_rejects.csv',
		'telegram__supergroup_11-rows_reactions_replies_service_poll_2-rejects.json',
		'discord-json__guild_11-rows_roles_replies_reactions_bot_forward_2-rejects.json',
		'discord-csv__iso-offset_crlf_multiline_reactions_system_4-rejects.csv',
		'whatsapp-android__24h_day-first_3-authors_12-messages.txt',
		'whatsapp-android__zip_crlf_chat-with-name_4-messages.zip',
		'../csv/resonance__6-bad-rows_bad-dates_empty-author_bad-likes_extra-columns.csv',
		'../csv/mapped__date-sender-message_offsets_epochs.csv',
		'../response/questions__zh-and-en_self-continuation-only_answered-after-25h_mention-reply_newcomer-answered_newcomer-unanswered_empty-march.csv'
	])('%s', async (name) => {
		const files = [resolve(formats, name)];
		const native = await analyze('native', files, { tz: 'Asia/Shanghai' }).catch((error: Error) => error.message);
		expectSameAnalysis(native, await analyze('wasm', files, { tz: 'Asia/Shanghai' }).catch((error: Error) => error.message));
	}, PARITY_TIMEOUT_MS);

	test('a Slack workspace export', async () => {
		const files = [resolve(folder, 'slack.zip')];
		expectSameAnalysis(await analyze('native', files, { tz: 'America/New_York' }), await analyze('wasm', files, { tz: 'America/New_York' }));
	}, PARITY_TIMEOUT_MS);
});
