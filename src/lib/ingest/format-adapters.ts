import type { FormatAdapter } from './formats/format-adapter';
import { discordCsv } from './formats/discord-csv';
import { discordJson } from './formats/discord-json';
import { messengerJson } from './formats/messenger-json';
import { qceChunkedJsonl } from './formats/qce-chunked-jsonl';
import { qceJson } from './formats/qce-json';
import { qqTxt } from './formats/qq-txt';
import { slackZip } from './formats/slack-zip';
import { telegramJson } from './formats/telegram-json';
import { wechatCsv } from './formats/wechat-csv';
import { weflowJson } from './formats/weflow-json';
import { whatsapp } from './formats/whatsapp';

/**
 * Every export format read in JS, in detection order: specific layouts before loose ones. Resonance
 * CSVs and other CSVs are not here; they go through DuckDB's CSV reader.
 */
export const FORMAT_ADAPTERS: FormatAdapter[] = [
	slackZip,
	telegramJson,
	discordJson,
	qceChunkedJsonl,
	qceJson,
	messengerJson,
	weflowJson,
	discordCsv,
	wechatCsv,
	qqTxt,
	whatsapp
];
