import { expect, test } from 'vitest';
import { lorenzCurve } from './lorenz-curve';

const points = (values: number[]) => lorenzCurve(values).map((p) => [p.population_share, p.value_share]);

test('lorenzCurve([0, 0, 0, 10]) stays flat for the lurkers, then jumps to (1, 1)', () => {
	expect(points([10, 0, 0, 0])).toEqual([
		[0, 0],
		[0.25, 0],
		[0.5, 0],
		[0.75, 0],
		[1, 1]
	]);
});

test('lorenzCurve accumulates shares in ascending order', () => {
	expect(points([3, 1])).toEqual([
		[0, 0],
		[0.5, 0.25],
		[1, 1]
	]);
});

test('lorenzCurve is the line of equality for equal values, all zeros and no values', () => {
	expect(points([5, 5])).toEqual([
		[0, 0],
		[0.5, 0.5],
		[1, 1]
	]);
	expect(points([0, 0])).toEqual([
		[0, 0],
		[0.5, 0.5],
		[1, 1]
	]);
	expect(points([])).toEqual([
		[0, 0],
		[1, 1]
	]);
});
