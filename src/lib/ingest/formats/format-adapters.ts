import type { FormatAdapter } from './format-adapter';
import { discordCsv } from './discord-csv';
import { discordJson } from './discord-json';
import { messengerJson } from './messenger-json';
import { qceChunkedJsonl } from './qce-chunked-jsonl';
import { qceJson } from './qce-json';
import { qqTxt } from './qq-txt';
import { slackZip } from './slack-zip';
import { telegramJson } from './telegram-json';
import { wechatCsv } from './wechat-csv';
import { weflowJson } from './weflow-json';
import { whatsapp } from './whatsapp';

/**
 * Every export format read in JS, in detection order: specific layouts before loose ones. A CSV none of
 * them recognises, and a dataset file, are read by DuckDB itself: inspectExport gives them their adapter
 * (csv/csv-adapter.ts, dataset/dataset-file-adapter.ts).
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
