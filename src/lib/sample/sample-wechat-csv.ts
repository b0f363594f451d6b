import { offsetMinutesAt } from '../ingest/time/wall-clock';
import { csvField } from './csv-field';
import type { SampleMessageRow } from './sample-message-rows';

const COLUMNS = ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime', 'Status', 'StrContent', 'StrTime', 'Remark', 'NickName', 'Sender'];
// WeChat message types: 1 text, 3 image, 47 sticker, 10000 system.
const TYPE: Record<string, number> = { text: 1, media: 3, sticker: 47, system: 10_000 };
const CONTENT: Record<string, string> = { media: '', sticker: '<msg><emoji fromusername="" md5="0" /></msg>' };

/**
 * The sample community as WeChatMsg / MemoTrace writes a group chat (CSV, UTF-8 with BOM, CRLF): `CreateTime`
 * in epoch seconds, the instant of the sample's Asia/Shanghai wall clock; members by wxid, no roles.
 */
export function sampleWechatCsv(rows: readonly SampleMessageRow[], time_zone = 'Asia/Shanghai'): string {
	const wxids = new Map<string, string>();
	const wxidOf = (author: string) => wxids.get(author) ?? wxids.set(author, `wxid_sample${String(wxids.size + 1).padStart(3, '0')}`).get(author)!;
	const lines = [COLUMNS.join(',')];
	rows.forEach((row, index) => {
		const system = row.kind === 'system';
		const fields = [
			String(index + 1),
			'20200901001@chatroom',
			String(TYPE[row.kind] ?? 1),
			'0',
			'0',
			String(epochSeconds(row.timestamp, time_zone)),
			'2',
			CONTENT[row.kind] ?? row.text,
			row.timestamp,
			system ? '' : row.author,
			system ? '' : row.author,
			system ? '' : wxidOf(row.author)
		];
		lines.push(fields.map(csvField).join(','));
	});
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function epochSeconds(wall_clock: string, time_zone: string): number {
	const as_utc = Date.parse(`${wall_clock.replace(' ', 'T')}Z`);
	// The zone's offset at the instant itself: a second look settles a guess made across a DST change.
	const guess = as_utc - offsetMinutesAt(as_utc, time_zone) * 60_000;
	return (as_utc - offsetMinutesAt(guess, time_zone) * 60_000) / 1000;
}
