import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesImportSource } from '../ingest/sources/bytes-import-source';
import { inspectExport } from '../ingest/inspect-export';
import { discordJson } from '../ingest/formats/discord-json';
import { slackZip } from '../ingest/formats/slack-zip';
import { importError } from './import-error';
import { locale } from './locale';

afterEach(() => locale.set('en'));

const bytes = (text: string) => new TextEncoder().encode(text);

/** The message of what `attempt` throws. */
async function thrown(attempt: () => unknown): Promise<string> {
	try {
		await attempt();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the importer accepted the file');
}

describe('importError', () => {
	it('keeps the importer’s English in English', async () => {
		const message = await thrown(() => inspectExport(bytesImportSource('empty.csv', new Uint8Array(0))));
		expect(importError(message)).toBe('empty.csv is empty.');
	});

	it.each([
		['an empty file', () => inspectExport(bytesImportSource('empty.csv', new Uint8Array(0))), 'empty.csv 是空文件。'],
		['a PNG', () => inspectExport(bytesImportSource('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]))), 'photo.png 是 PNG 图片，不是聊天导出文件。'],
		[
			'a zip without an export',
			() => inspectExport(bytesImportSource('photos.zip', zipSync({ 'a.jpg': new Uint8Array(8) }))),
			'photos.zip 是 zip 压缩包，但其中没有 Resonance 能识别的聊天导出文件。'
		],
		['a CSV without a header', () => inspectExport(bytesImportSource('notes.csv', bytes('just one line\n'))), 'notes.csv 既不是带表头行的 CSV，也不是 Resonance 能识别的导出格式。'],
		['a Slack export that is not a zip', () => slackZip.parse({ name: 'slack.zip', bytes: bytes('PK no zip') }, { time_zone: 'UTC' }), 'slack.zip 不是 zip 压缩包；Slack 导出文件是 Slack 提供下载的 .zip。']
	])('shows in Chinese why %s cannot be imported', async (_, attempt, chinese) => {
		const message = await thrown(attempt);
		locale.set('zh-CN');
		expect(importError(message)).toBe(chinese);
	});

	it('keeps the JSON parser’s own words inside the Chinese sentence', async () => {
		const message = await thrown(() => discordJson.parse({ name: 'channel.json', bytes: bytes('{"guild": {}, "channel": {}, "messages": [') }, { time_zone: 'UTC' }));
		locale.set('zh-CN');
		const detail = message.match(/\((.+)\);/)![1];
		expect(importError(message)).toBe(`channel.json 不是有效的 JSON（${detail}）；请将频道重新导出为 JSON。`);
	});

	it('translates what it recognises inside the sentence: the damage, the advice', () => {
		locale.set('zh-CN');
		expect(importError('chat.zip is damaged (_chat.txt fails its CRC-32 check: its bytes changed after it was zipped, or it was cut short): re-export or re-download it.')).toBe(
			'chat.zip 已损坏（_chat.txt 未通过 CRC-32 校验：打包后其字节被改动，或文件被截断）：请重新导出或重新下载。'
		);
		expect(importError('chat.zip is damaged (invalid zip data): re-export or re-download it.')).toBe('chat.zip 已损坏（invalid zip data）：请重新导出或重新下载。');
		expect(importError('result.json is not valid JSON (the text ends at line 9 before the JSON does); export the chat again as "Machine-readable JSON".')).toBe(
			'result.json 不是有效的 JSON（文本在第 9 行结束，而 JSON 尚未结束）；请将聊天重新导出为“Machine-readable JSON”。'
		);
	});

	it('shows an error it does not know as written', () => {
		locale.set('zh-CN');
		expect(importError('IO Error: No files found that match the pattern "x"')).toBe('IO Error: No files found that match the pattern "x"');
	});
});
