import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { machineTimeZone } from './machine-time-zone';
import { resonanceInProcess } from './resonance-in-process';

const ROOT = resolve(import.meta.dirname, '..');
// epoch seconds: 2021-01-31 16:00 and 17:00 UTC, which is 2021-02-01 00:00 and 01:00 in Shanghai
const FIXTURE = join(mkdtempSync(join(tmpdir(), 'resonance-tz-')), 'resonance__2-messages_epoch_utc-jan31-shanghai-feb1.csv');
writeFileSync(FIXTURE, 'timestamp,author,text\n1612108800,Ann,hello\n1612112400,Ben,hi\n');

/** `resonance analyze FIXTURE ...args` run in this process with TZ in its environment, its JSON parsed. */
async function analyze(tz: string, ...args: string[]) {
	const { code, stdout } = await resonanceInProcess(['analyze', FIXTURE, ...args], { env: { ...process.env, TZ: tz } });
	expect(code).toBe(0);
	return JSON.parse(stdout);
}

describe('machineTimeZone(env)', () => {
	it('is TZ when it names an IANA zone, with or without the glibc colon', () => {
		expect(machineTimeZone({ TZ: 'Asia/Shanghai' })).toBe('Asia/Shanghai');
		expect(machineTimeZone({ TZ: ':Europe/Berlin' })).toBe('Europe/Berlin');
	});

	it('falls back to the system zone for a POSIX offset, an unknown name or no TZ', () => {
		const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
		expect([machineTimeZone({ TZ: 'UTC-8' }), machineTimeZone({ TZ: 'Mars/Olympus' }), machineTimeZone({})]).toEqual([system, system, system]);
	});
});

describe('resonance analyze without --tz', () => {
	it('the installed command follows TZ too (a new process)', { timeout: 400_000 }, async () => {
		const { stdout } = await promisify(execFile)(process.execPath, [resolve(ROOT, 'bin/resonance.js'), 'analyze', FIXTURE], { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Shanghai' } });
		expect(JSON.parse(stdout).import).toMatchObject({ time_zone: 'Asia/Shanghai', first_message_at: '2021-02-01 00:00:00' });
	});

	it('reads the files in the zone TZ names and says so in import.time_zone; --tz and a settings file that holds a zone win over it', { timeout: 400_000 }, async () => {
		const shanghai = await analyze('Asia/Shanghai');
		expect(shanghai.import.time_zone).toBe('Asia/Shanghai');
		expect(shanghai.settings.time_zone).toBe('Asia/Shanghai');
		expect(shanghai.import.first_message_at).toBe('2021-02-01 00:00:00');
		expect(shanghai.monthly.map((month: { month: string; messages: number }) => [month.month, month.messages])).toEqual([['2021-02', 2]]);
		const berlin = await analyze('Europe/Berlin');
		expect([berlin.import.time_zone, berlin.import.first_message_at]).toEqual(['Europe/Berlin', '2021-01-31 17:00:00']);
		expect((await analyze('Europe/Berlin', '--tz', '+08:00')).import.time_zone).toBe('+08:00');
		const settings = join(FIXTURE, '..', 'settings.json');
		writeFileSync(settings, JSON.stringify({ time_zone: 'America/New_York' }));
		expect((await analyze('Europe/Berlin', '--config', settings)).import.time_zone).toBe('America/New_York');
		writeFileSync(settings, JSON.stringify({ stages: [] }));
		expect((await analyze('Europe/Berlin', '--config', settings)).import.time_zone).toBe('Europe/Berlin');
	});
});
