import { describe, expect, test } from 'vitest';
import { clusterBootstrapShare } from './cluster-bootstrap-share';

describe('clusterBootstrapShare(clusters)', () => {
	test('two days, 1 of 1 and 0 of 1: resampled shares are 0, 1/2 or 1, so the 95% interval is 0–1', () => {
		expect(clusterBootstrapShare([{ successes: 1, trials: 1 }, { successes: 0, trials: 1 }])).toEqual([0, 1]);
	});

	test('is the same for the same seed, and narrower when the same share comes from ten times as many days', () => {
		const days = Array.from({ length: 12 }, (_, day) => ({ successes: day % 3 === 0 ? 4 : 1, trials: 5 }));
		const interval = clusterBootstrapShare(days, { seed: 7 })!;
		expect(clusterBootstrapShare(days, { seed: 7 })).toEqual(interval);
		const pooled = days.reduce((sum, day) => sum + day.successes, 0) / days.reduce((sum, day) => sum + day.trials, 0);
		expect(interval[0]).toBeLessThan(pooled);
		expect(interval[1]).toBeGreaterThan(pooled);
		const many = clusterBootstrapShare(Array.from({ length: 10 }, () => days).flat(), { seed: 7 })!;
		expect(many[1] - many[0]).toBeLessThan((interval[1] - interval[0]) / 2);
	});

	test('null without any trial', () => {
		expect(clusterBootstrapShare([])).toBeNull();
		expect(clusterBootstrapShare([{ successes: 0, trials: 0 }])).toBeNull();
	});
});
