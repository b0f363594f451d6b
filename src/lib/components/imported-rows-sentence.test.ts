import { describe, expect, test } from 'vitest';
import { DEFAULT_EXCLUDED_KINDS } from '../settings/default-excluded-kinds';
import { importedRowsSentence } from './imported-rows-sentence';

describe('importedRowsSentence(rows_by_kind, excluded_kinds)', () => {
	test('the real Slack sample (slack-export-viewer testarchive): 158 imported, 49 counted, 106 bot or system posts, 3 media left out by default', () => {
		expect(importedRowsSentence({ system: 106, text: 49, media: 3 }, DEFAULT_EXCLUDED_KINDS)).toBe(
			'158 imported: 49 counted, 106 bot or system posts, 3 media (not counted by default; change in Settings)'
		);
	});

	test('one of a kind is singular; a kind left out in Settings keeps its own name; thousands are grouped', () => {
		expect(importedRowsSentence({ text: 1200, sticker: 1, poll: 3 }, ['sticker', 'poll'])).toBe(
			'1,204 imported: 1,200 counted, 3 poll, 1 sticker (not counted; change in Settings)'
		);
	});

	test('nothing left out, or nothing imported, says only the counts', () => {
		expect(importedRowsSentence({ text: 5, media: 2 }, [])).toBe('7 imported: 7 counted');
		expect(importedRowsSentence({}, DEFAULT_EXCLUDED_KINDS)).toBe('0 imported: 0 counted');
	});
});
