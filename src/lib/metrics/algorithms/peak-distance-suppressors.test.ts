import { expect, test } from 'vitest';
import { peakDistanceSuppressors } from './peak-distance-suppressors';

const peaks = (pairs: [number, number][]) => pairs.map(([index, value]) => ({ index, value }));

test('peakDistanceSuppressors names the higher peak that removed each dropped peak', () => {
	expect(
		peakDistanceSuppressors(
			peaks([
				[1, 5],
				[3, 4],
				[5, 6],
				[7, 1]
			]),
			3
		)
	).toEqual([null, 5, null, 5]);
});

test('peakDistanceSuppressors names the first remover when two higher peaks are in range', () => {
	expect(
		peakDistanceSuppressors(
			peaks([
				[1, 9],
				[3, 1],
				[5, 8]
			]),
			3
		)
	).toEqual([null, 1, null]);
});

test('peakDistanceSuppressors keeps everything at distance 1 and refuses a distance below 1', () => {
	expect(
		peakDistanceSuppressors(
			peaks([
				[1, 2],
				[3, 1]
			]),
			1
		)
	).toEqual([null, null]);
	expect(() => peakDistanceSuppressors([], 0)).toThrow(RangeError);
});
