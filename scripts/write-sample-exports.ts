import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSampleCommunity } from '../src/lib/sample/generate-sample-community';
import { sampleMessageRows } from '../src/lib/sample/sample-message-rows';
import { sampleQqTxt } from '../src/lib/sample/sample-qq-txt';
import { sampleWechatCsv } from '../src/lib/sample/sample-wechat-csv';

// One group, two exporters: QQ writes its wall clock, WeChatMsg epoch seconds. Read both in Asia/Shanghai.
const out_dir = resolve(process.argv[2] ?? join(tmpdir(), 'resonance-sample-exports'));
const rows = sampleMessageRows(generateSampleCommunity().csv);
await mkdir(out_dir, { recursive: true });
const files = { 'sample-community_qq-message-manager.txt': sampleQqTxt(rows), 'sample-community_wechatmsg.csv': sampleWechatCsv(rows) };
for (const [name, text] of Object.entries(files)) {
	await writeFile(join(out_dir, name), text);
	console.log(join(out_dir, name));
}
console.log(`${rows.length} messages each; open both with the time zone Asia/Shanghai (resonance analyze FILE --tz Asia/Shanghai).`);
