import type { SampleMessageRow } from './sample-message-rows';

const SEPARATOR = '='.repeat(64);
const PLACEHOLDER: Record<string, string> = { media: '[图片]', sticker: '[表情]' };

/**
 * The sample community as QQ's message manager writes a group (legacy TXT, UTF-8 with BOM, CRLF): wall-clock
 * times with no zone, `Name(QQ number)` senders, placeholders for media and stickers, system lines from
 * 系统消息(10000). No titles or roles, as a study export has none.
 */
export function sampleQqTxt(rows: readonly SampleMessageRow[]): string {
	const numbers = new Map<string, number>();
	const numberOf = (author: string) => numbers.get(author) ?? numbers.set(author, 20_000_001 + numbers.size).get(author)!;
	const lines = ['消息记录（此消息记录为文本格式，不支持重新导入）', '', SEPARATOR, '消息分组:我的QQ群', SEPARATOR, '消息对象:医学生成长小组', SEPARATOR, ''];
	for (const row of rows) {
		const sender = row.kind === 'system' ? '系统消息(10000)' : `${row.author}(${numberOf(row.author)})`;
		lines.push(`${row.timestamp} ${sender}`, ...(PLACEHOLDER[row.kind] ?? row.text).split(/\r\n|\n|\r/), '');
	}
	return '\uFEFF' + lines.join('\r\n');
}
