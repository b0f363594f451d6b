import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { locale } from '../i18n/locale';
import { sampleSettings } from '../sample/sample-settings';
import { defaultAnalysisSettings } from './default-analysis-settings';
import { parseAnalysisSettings } from './parse-analysis-settings';

describe('parseAnalysisSettings(json)', () => {
	test('reads the sample community settings, filling the fields it leaves out with defaults', () => {
		expect(parseAnalysisSettings(JSON.stringify(sampleSettings))).toEqual({
			...defaultAnalysisSettings('UTC'),
			time_zone: 'Asia/Shanghai',
			stages: sampleSettings.stages,
			events: sampleSettings.events
		});
	});

	test('an empty object is the default settings', () => {
		expect(parseAnalysisSettings({})).toEqual({
			version: 1,
			time_zone: 'UTC',
			stages: [],
			events: [],
			roles: {},
			peak_sensitivity: 1,
			excluded_kinds: ['system', 'media', 'sticker'],
			member_merges: []
		});
	});

	test('settings are one flat object, the import settings (time_zone) beside the analysis choices, keyed as the settings file always was', () => {
		expect(Object.keys(parseAnalysisSettings({ member_merges: [], time_zone: '+08:00', version: 1 }))).toEqual([
			'version',
			'time_zone',
			'stages',
			'events',
			'roles',
			'peak_sensitivity',
			'excluded_kinds',
			'member_merges'
		]);
	});

	test('reads member merges, trimming keys and keeping their order', () => {
		expect(parseAnalysisSettings({ member_merges: [{ into: ' 10001 ', from: ['10002', 'Budi S.'] }, { into: 'Sari', from: ['sari'] }] }).member_merges).toEqual([
			{ into: '10001', from: ['10002', 'Budi S.'] },
			{ into: 'Sari', from: ['sari'] }
		]);
	});

	test('sorts stages and events, trims names and lower-cases roles', () => {
		const settings = parseAnalysisSettings({
			version: 1,
			stages: [
				{ name: ' Later ', start: '2021-03-01', end: '2021-03-31' },
				{ name: 'Early', start: '2021-01-01', end: '2021-02-28' }
			],
			events: [
				{ date: '2021-02-01', label: 'b' },
				{ date: '2021-01-01', label: 'a' }
			],
			roles: { ' Ann ': 'Mentor' },
			peak_sensitivity: 2,
			excluded_kinds: []
		});
		expect(settings.stages.map((stage) => stage.name)).toEqual(['Early', 'Later']);
		expect(settings.events.map((event) => event.label)).toEqual(['a', 'b']);
		expect(settings.roles).toEqual({ Ann: 'mentor' });
		expect(settings.peak_sensitivity).toBe(2);
		expect(settings.excluded_kinds).toEqual([]);
	});

	test.each([
		['{', /^settings: not valid JSON \(/],
		['[]', /^settings: expected an object, got an array$/],
		['{"text": "hello"}', /^settings: unknown field "text" \(known: version, /],
		['{"version": 2}', /^version: 2 is not supported/],
		['{"time_zone": "Mars/Olympus"}', /^time_zone: unknown time zone "Mars\/Olympus"/],
		['{"stages": {}}', /^stages: expected an array, got an object$/],
		['{"stages": [{"name": "A", "start": "2021-02-30", "end": "2021-03-01"}]}', /^stages\[0\]\.start: "2021-02-30" is not a date \(YYYY-MM-DD\)$/],
		['{"stages": [{"name": "A", "start": "2021-03-02", "end": "2021-03-01"}]}', /^stages\[0\]\.end: 2021-03-01 is before its start 2021-03-02$/],
		['{"stages": [{"name": "", "start": "2021-03-01", "end": "2021-03-01"}]}', /^stages\[0\]\.name: is empty$/],
		['{"stages": [{"name": "A", "start": "2021-03-01", "end": "2021-03-01", "colour": "red"}]}', /^stages\[0\]: unknown field "colour"/],
		[
			'{"stages": [{"name": "B", "start": "2021-03-31", "end": "2021-04-30"}, {"name": "A", "start": "2021-01-01", "end": "2021-03-31"}]}',
			/^stages\[0\]\.start: "B" starts 2021-03-31, before "A" ends \(2021-03-31\); stages must not overlap$/
		],
		['{"stages": [{"name": "A", "start": "2021-01-01", "end": "2021-01-31"}, {"name": "A", "start": "2021-02-01", "end": "2021-02-28"}]}', /^stages\[1\]\.name: "A" is used by another stage$/],
		['{"events": [{"date": "2021-1-5", "label": "x"}]}', /^events\[0\]\.date: "2021-1-5" is not a date/],
		['{"events": [{"date": "2021-01-05", "label": 3}]}', /^events\[0\]\.label: expected a string, got number 3$/],
		['{"roles": {"Ann": ""}}', /^roles\["Ann"\]: is empty$/],
		['{"roles": ["Ann"]}', /^roles: expected an object, got an array$/],
		['{"peak_sensitivity": 0}', /^peak_sensitivity: 0 is not a positive number/],
		['{"peak_sensitivity": "2"}', /^peak_sensitivity: "2" is not a positive number/],
		['{"excluded_kinds": ["media", 1]}', /^excluded_kinds\[1\]: expected a string, got number 1$/],
		['{"member_merges": {"into": "A", "from": ["B"]}}', /^member_merges: expected an array, got an object$/],
		['{"member_merges": [{"into": "A", "from": "B"}]}', /^member_merges\[0\]\.from: expected an array, got string "B"$/],
		['{"member_merges": [{"into": "A", "from": []}]}', /^member_merges\[0\]\.from: is empty \(name at least one member to merge into "A"\)$/],
		['{"member_merges": [{"into": " ", "from": ["B"]}]}', /^member_merges\[0\]\.into: is empty$/],
		['{"member_merges": [{"into": "A", "from": ["B", 7]}]}', /^member_merges\[0\]\.from\[1\]: expected a string, got number 7$/],
		['{"member_merges": [{"into": "A", "from": ["B"], "names": []}]}', /^member_merges\[0\]: unknown field "names" \(known: into, from\)$/],
		['{"member_merges": [{"into": "A", "from": ["A"]}]}', /^member_merges\[0\]\.from\[0\]: "A" appears twice in member_merges\[0\]$/],
		[
			'{"member_merges": [{"into": "A", "from": ["B"]}, {"into": "C", "from": ["A"]}]}',
			/^member_merges\[1\]\.from\[0\]: "A" is already in member_merges\[0\]; each member can be in one merge only$/
		]
	])('rejects %s with one line naming the field', (json, message) => {
		expect(() => parseAnalysisSettings(json)).toThrow(message);
		try {
			parseAnalysisSettings(json);
		} catch (error) {
			expect((error as Error).message).not.toContain('\n');
		}
	});

	test('a saved settings file loads back to exactly the settings saved (500 generated settings, fixed seed)', () => {
		const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
		// names a person could type, with the awkward ones: padding, CJK, markup, object keys
		const name = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(' Ann ', '张三', '<b>x</b>', '=1+1', '__proto__', 'constructor', 'toString'));
		const settings = fc.record({
			time_zone: fc.constantFrom('UTC', 'Asia/Shanghai', '+08:00', '-03:30'),
			stages: fc.array(fc.record({ name, start: day, end: day }), { maxLength: 4 }),
			events: fc.array(fc.record({ date: day, label: name }), { maxLength: 4 }),
			roles: fc.dictionary(name, fc.constantFrom('mentor', 'Student', ' ta ')),
			peak_sensitivity: fc.double({ min: 0.01, max: 100, noNaN: true }),
			excluded_kinds: fc.subarray(['system', 'media', 'sticker', 'text']),
			member_merges: fc.array(fc.record({ into: name, from: fc.array(name, { minLength: 1, maxLength: 3 }) }), { maxLength: 3 })
		});
		let checked = 0;
		fc.assert(
			fc.property(settings, (input) => {
				let parsed;
				try {
					parsed = parseAnalysisSettings(JSON.stringify(input));
				} catch {
					return; // overlapping stages and the like are refused, and that is tested above
				}
				checked++;
				// what the Settings view's "Save settings…" writes (SettingsStore.exportJson)
				const saved = JSON.stringify(parsed, null, '\t') + '\n';
				expect(parseAnalysisSettings(saved)).toEqual(parsed);
				expect(Object.keys(parsed.roles).length).toBe(new Set(Object.keys(input.roles).map((author) => author.trim()).filter(Boolean)).size);
			}),
			{ seed: 20261126, numRuns: 500 }
		);
		expect(checked).toBeGreaterThan(100);
	});

	test('a file with more stages, events or roles than one analysis compares is refused in one sentence, before any work', () => {
		const stage = (index: number) => {
			const day = new Date(Date.UTC(2000, 0, 1 + 2 * index)).toISOString().slice(0, 10);
			return { name: `S${index}`, start: day, end: day };
		};
		expect(parseAnalysisSettings({ stages: Array.from({ length: 100 }, (_, index) => stage(index)) }).stages).toHaveLength(100);
		expect(() => parseAnalysisSettings({ stages: Array.from({ length: 10_000 }, (_, index) => stage(index)) })).toThrow(
			'stages: 10000 is more than this version compares (at most 100)'
		);
		expect(() => parseAnalysisSettings({ events: Array.from({ length: 1_001 }, () => ({ date: '2021-01-01', label: 'x' })) })).toThrow(
			'events: 1001 is more than this version compares (at most 1000)'
		);
		const roles = Object.fromEntries(Array.from({ length: 100_001 }, (_, index) => [`member ${index}`, 'student']));
		expect(() => parseAnalysisSettings({ roles })).toThrow('roles: 100001 members is more than 100000');
	});

	test('a settings text of megabytes is refused by its size, naming it, without parsing it', () => {
		const text = JSON.stringify({ events: [{ date: '2021-01-01', label: 'x'.repeat(5_000_000) }] });
		expect(() => parseAnalysisSettings(text)).toThrow('settings: 5.0 MB is too large for a settings file (at most 4 MB; it holds names and dates, never messages)');
	});

	test('names the bad field in the interface language', () => {
		locale.set('zh-CN');
		try {
			expect(() => parseAnalysisSettings({ stages: [{ name: '预习', start: '2021-02-30', end: '2021-03-01' }] })).toThrow(
				new Error('stages[0].start：“2021-02-30”不是有效的日期（YYYY-MM-DD）')
			);
			expect(() => parseAnalysisSettings({ roles: [] })).toThrow(new Error('roles：应为对象，实际为 数组'));
		} finally {
			locale.set('en');
		}
	});
});
