import { expect, test } from 'vitest';
import { findPeaks } from './find-peaks';
import { peakCandidates } from './peak-candidates';

test('peakCandidates(values) lists every local maximum, including those a prominence filter drops', () => {
	const values = [1, 5, 2, 4, 3, 9, 0];
	expect(peakCandidates(values).map(({ index, prominence }) => ({ index, prominence }))).toEqual([
		{ index: 1, prominence: 3 },
		{ index: 3, prominence: 1 },
		{ index: 5, prominence: 8 }
	]);
	expect(findPeaks(values, { prominence: 2 }).map((peak) => peak.index)).toEqual([1, 5]);
});

test('peakCandidates(values) is empty for a flat, monotone or too short series', () => {
	expect(peakCandidates([3, 3, 3, 3])).toEqual([]);
	expect(peakCandidates([1, 2, 3, 4])).toEqual([]);
	expect(peakCandidates([1, 2])).toEqual([]);
});
