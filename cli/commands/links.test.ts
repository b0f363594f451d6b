import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resonanceInProcess } from '../resonance-in-process';

const resonance = (...args: string[]) => resonanceInProcess(args);
const fixture = (name: string) => `tests/fixtures/links/${name}`;

// Each run opens DuckDB: allow for a busy machine.
describe('resonance links', { timeout: 180_000 }, () => {
	it('prints message_id,parent_id,rule,reason for every counted message in message order, parent empty when none', async () => {
		const { stdout } = await resonance('links', fixture('rules__reply-outside-file_self-reply_reply-to-media_continuations_60-minute-edge.csv'));
		expect(stdout).toBe(
			[
				'message_id,parent_id,rule,reason',
				'm01,,none,no earlier message within 60 min',
				'm02,,none,no earlier message fits better',
				'm03,m02,continuation,same author 1 min earlier',
				'm04,,none,no earlier message fits better',
				'm05,m04,reply_to,explicit reply to own message',
				'm06,m03,reply_to,explicit reply',
				'm07,m06,continuation,same author 30 s earlier',
				'm09,m08,reply_to,explicit reply',
				'm10,,none,no earlier message fits better',
				'm11,,none,no earlier message within 60 min',
				'm12,m11,continuation,same author 31 s earlier',
				'm13,,none,no earlier message fits better',
				''
			].join('\r\n')
		);
	});

	it('quotes ids with commas, quotes or line breaks (RFC 4180); inferred parents stay within each file', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'resonance-links-'));
		writeFileSync(resolve(dir, 'a.csv'), 'message_id,timestamp,author,text\n"a,1",2021-01-01 10:00,Ann,@Bob hi\na2,2021-01-01 10:10,Ann,ok\n');
		writeFileSync(resolve(dir, 'b.csv'), 'message_id,timestamp,author,text,reply_to\n"b""2",2021-01-01 09:00,Bob,first,\n"c\n3",2021-01-01 10:05,Bob,yo,"a,1"\n');
		const { stdout } = await resonance('links', resolve(dir, 'a.csv'), resolve(dir, 'b.csv'));
		// "a,1" names Bob, but Bob wrote only in b.csv; a2 continues Ann's "a,1" in a.csv
		expect(stdout).toBe(
			'message_id,parent_id,rule,reason\r\n"b""2",,none,no earlier message within 60 min\r\n"a,1",,none,no earlier message within 60 min\r\n' +
				'"c\n3","a,1",reply_to,explicit reply\r\na2,"a,1",continuation,same author 10 min earlier\r\n'
		);
	});

	it('writes ids a spreadsheet would run as formulas (= + - @) with a leading apostrophe', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'resonance-links-'));
		writeFileSync(
			resolve(dir, 'formulas.csv'),
			'message_id,timestamp,author,text,reply_to\n"=HYPERLINK(""http://x"",""y"")",2021-01-01 10:00,Ann,hi,\n+1,2021-01-01 10:01,Bob,yo,"=HYPERLINK(""http://x"",""y"")"\n@a,2021-01-01 10:02,Ann,ok,+1\n'
		);
		const { stdout } = await resonance('links', resolve(dir, 'formulas.csv'));
		expect(stdout).toBe(
			'message_id,parent_id,rule,reason\r\n"\'=HYPERLINK(""http://x"",""y"")",,none,no earlier message within 60 min\r\n\'+1,"\'=HYPERLINK(""http://x"",""y"")",reply_to,explicit reply\r\n\'@a,\'+1,reply_to,explicit reply\r\n'
		);
	});

	it('reads --roster and --tz', async () => {
		const { stdout } = await resonance(
			'links',
			fixture('ratios__mentor-3-students-guest_jan-mar-2021_empty-february_explicit-and-inferred.csv'),
			'--roster',
			fixture('ratios__roster_mentor_4-students_dee-lurker.csv'),
			'--tz',
			'Asia/Shanghai'
		);
		expect(stdout.split('\r\n').map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
			'message_id,parent_id,rule',
			...['j1,,none', 'j2,,none', 'j3,j2,mention', 'j4,j3,reply_to', 'j5,j2,reply_to', 'j6,,none', 'j7,,none'],
			...['r1,,none', 'r2,r1,mention', 'r3,r2,continuation', 'r4,,none', 'r5,j1,reply_to', 'r6,r4,reply_to', 'r7,,none'],
			''
		]);
	});

	it('is listed in --help', async () => {
		expect((await resonance('--help')).stdout).toContain('resonance links FILE... [--roster FILE] [--tz ZONE]');
	});
});
