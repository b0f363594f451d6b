import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultPeakProminence } from './default-peak-prominence';
import { explainPeaks } from './explain-peaks';
import { findPeaks } from './find-peaks';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`);

// median 105, MAD 5, threshold max(52.5, 22.239) = 52.5. Local maxima (prominence): 2021-02 (300),
// 2021-04 (10), 2021-06 (200), 2021-08 (100, two months after the higher 2021-06), 2021-11 (20).
const monthly = [100, 400, 100, 110, 100, 300, 150, 250, 100, 100, 120, 100];

describe('explainPeaks(values, labels)', () => {
	test('says for every month whether it is a peak and why', () => {
		const rows = explainPeaks(monthly, labels(12), { distance: 3 });
		expect(rows.map((row) => [row.label, row.is_peak, row.reason])).toEqual([
			['2021-01', false, 'not a peak: first month is never a peak'],
			['2021-02', true, 'peak: prominence 300 ≥ threshold 52.5'],
			['2021-03', false, 'not a peak: not higher than both neighbours'],
			['2021-04', false, 'not a peak: prominence 10 below threshold 52.5'],
			['2021-05', false, 'not a peak: not higher than both neighbours'],
			['2021-06', true, 'peak: prominence 200 ≥ threshold 52.5'],
			['2021-07', false, 'not a peak: not higher than both neighbours'],
			['2021-08', false, 'not a peak: within 2 months of a higher peak (2021-06)'],
			['2021-09', false, 'not a peak: not higher than both neighbours'],
			['2021-10', false, 'not a peak: not higher than both neighbours'],
			['2021-11', false, 'not a peak: prominence 20 below threshold 52.5'],
			['2021-12', false, 'not a peak: last month is never a peak']
		]);
	});

	test('reports prominence (null off local maxima), ratio to the median and robust z', () => {
		const rows = explainPeaks(monthly, labels(12));
		expect(rows[1]).toEqual({
			label: '2021-02',
			value: 400,
			is_peak: true,
			prominence: 300,
			ratio_to_median: 400 / 105,
			robust_z: (0.6745 * 295) / 5,
			reason: 'peak: prominence 300 ≥ threshold 52.5'
		});
		expect(rows[0].prominence).toBeNull();
		expect(rows[0].robust_z).toBeCloseTo(-0.6745, 12);
	});

	test('the default distance 2 keeps two peaks two months apart', () => {
		expect(explainPeaks(monthly, labels(12))[7]).toMatchObject({
			is_peak: true,
			reason: 'peak: prominence 100 ≥ threshold 52.5'
		});
	});

	test('sensitivity scales the threshold: lower finds fewer peaks, higher more', () => {
		const strict = explainPeaks(monthly, labels(12), { sensitivity: 0.25 });
		expect(strict.filter((row) => row.is_peak).map((row) => row.label)).toEqual(['2021-02']);
		expect(strict[5].reason).toBe('not a peak: prominence 200 below threshold 210');
		const lenient = explainPeaks(monthly, labels(12), { sensitivity: 5 });
		const lenient_peaks = lenient.filter((row) => row.is_peak).map((row) => row.label);
		expect(lenient_peaks).toEqual(['2021-02', '2021-06', '2021-08', '2021-11']);
		expect(lenient[3].reason).toBe('not a peak: prominence 10 below threshold 10.5');
	});

	test('a flat series has MAD 0, so robust z is null, and no peaks', () => {
		const rows = explainPeaks([50, 50, 50, 50], labels(4));
		expect(rows.map((row) => row.robust_z)).toEqual([null, null, null, null]);
		expect(rows.map((row) => row.ratio_to_median)).toEqual([1, 1, 1, 1]);
		expect(rows.map((row) => row.reason)).toEqual([
			'not a peak: first month is never a peak',
			'not a peak: not higher than both neighbours',
			'not a peak: not higher than both neighbours',
			'not a peak: last month is never a peak'
		]);
	});

	test('ratio to the median is null when the median is 0', () => {
		const rows = explainPeaks([0, 3, 0, 0, 0], labels(5));
		expect(rows.map((row) => row.ratio_to_median)).toEqual([null, null, null, null, null]);
	});

	test('the rest of a flat top points at the sample where the peak is counted', () => {
		expect(explainPeaks([0, 5, 5, 5, 5, 0], labels(6)).map((row) => row.reason)).toEqual([
			'not a peak: first month is never a peak',
			'not a peak: on a flat top counted once, at 2021-03',
			'peak: prominence 5 ≥ threshold 3',
			'not a peak: on a flat top counted once, at 2021-03',
			'not a peak: on a flat top counted once, at 2021-03',
			'not a peak: last month is never a peak'
		]);
	});

	test('a higher local maximum that fails the threshold can still remove a lower one, as in scipy', () => {
		// median 2, MAD 1: threshold 4.4478. 16 (prominence 0.5) is higher than 12 (prominence 7) and
		// two months from it, so with distance 3 neither is a peak.
		const values = [1, 2, 1, 2, 1, 2, 1, 20, 15.5, 15.5, 15.5, 16, 5, 12, 1, 2, 1, 2, 1, 2, 1];
		const rows = explainPeaks(values, labels(21).map((_, i) => `m${i}`), { distance: 3 });
		expect(rows[7].reason).toBe('peak: prominence 19 ≥ threshold 4.4');
		expect(rows[11].reason).toBe('not a peak: prominence 0.5 below threshold 4.4');
		expect(rows[13].reason).toBe('not a peak: within 2 months of a higher local maximum (m11)');
		expect(rows.filter((row) => row.is_peak).map((row) => row.label)).toEqual(['m7']);
	});

	test('weekly and daily series say so', () => {
		expect(explainPeaks([1, 2], ['w1', 'w2'], { unit: 'week' })[0].reason).toBe('not a peak: first week is never a peak');
	});

	test('a prominence equal to the threshold is enough', () => {
		// median 10, MAD 0: threshold 5; the 15 has prominence exactly 5
		const rows = explainPeaks([10, 10, 10, 15, 10, 10, 10], labels(7));
		expect(rows[3]).toMatchObject({ is_peak: true, reason: 'peak: prominence 5 ≥ threshold 5' });
	});

	test('rounds a prominence and threshold only as far as keeps their order visible', () => {
		// median 20, MAD 0: threshold 10; the middle sample has prominence 10 − 1e-9
		const rows = explainPeaks([20, 20, 10, 10 + 10 - 1e-9, 10, 20, 20], labels(7));
		expect(rows[3].reason).toBe('not a peak: prominence 9.999999999 below threshold 10');
	});

	test('refuses labels that do not match the values', () => {
		expect(() => explainPeaks([1, 2, 3], ['a'])).toThrow(RangeError);
	});

	test('is_peak agrees with findPeaks under the same threshold and distance', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 36 }),
				fc.constantFrom(0.5, 1, 2, 4),
				fc.integer({ min: 1, max: 4 }),
				(values, sensitivity, distance) => {
					const rows = explainPeaks(values, labels(values.length), { sensitivity, distance });
					const peaks = findPeaks(values, { prominence: defaultPeakProminence(values, sensitivity), distance });
					expect(rows.flatMap((row, i) => (row.is_peak ? [i] : []))).toEqual(peaks.map((peak) => peak.index));
					for (const row of rows) expect(row.reason.startsWith(row.is_peak ? 'peak: ' : 'not a peak: ')).toBe(true);
				}
			)
		);
	});
});
