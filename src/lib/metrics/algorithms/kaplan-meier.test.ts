import fc from 'fast-check';
import { expect, test } from 'vitest';
import { kaplanMeier } from './kaplan-meier';

// Freireich et al. (1963) 6-MP arm, weeks in remission, + = censored; the worked example in Kleinbaum
// & Klein, "Survival Analysis: A Self-Learning Text", ch. 2: S = .857, .807, .753, .690, .627, .538, .448.
const weeks = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const relapsed = weeks.map((_, i) => i < 9);

test('kaplanMeier reproduces the textbook 6-MP leukaemia example', () => {
	const steps = kaplanMeier(weeks, relapsed);
	expect(steps.map(({ time, at_risk, events, censored }) => [time, at_risk, events, censored])).toEqual([
		[0, 21, 0, 0],
		[6, 21, 3, 1],
		[7, 17, 1, 0],
		[9, 16, 0, 1],
		[10, 15, 1, 1],
		[11, 13, 0, 1],
		[13, 12, 1, 0],
		[16, 11, 1, 0],
		[17, 10, 0, 1],
		[19, 9, 0, 1],
		[20, 8, 0, 1],
		[22, 7, 1, 0],
		[23, 6, 1, 0],
		[25, 5, 0, 1],
		[32, 4, 0, 2],
		[34, 2, 0, 1],
		[35, 1, 0, 1]
	]);
	const at = (time: number) => steps.find((step) => step.time === time)!.survival;
	expect(at(0)).toBe(1);
	expect(at(6)).toBeCloseTo(18 / 21, 12);
	expect(at(7)).toBeCloseTo((18 / 21) * (16 / 17), 12);
	expect(at(9)).toBe(at(7));
	expect(at(10)).toBeCloseTo((18 / 21) * (16 / 17) * (14 / 15), 12);
	expect(at(23)).toBeCloseTo((18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7) * (5 / 6), 12);
	expect([6, 7, 10, 13, 16, 22, 23].map((time) => Number(at(time).toFixed(3)))).toEqual([
		0.857, 0.807, 0.753, 0.69, 0.627, 0.538, 0.448
	]);
});

test('kaplanMeier drops to 0 when the last subject at risk has the event', () => {
	expect(kaplanMeier([1, 2], [true, true]).map((step) => step.survival)).toEqual([1, 0.5, 0]);
});

test('kaplanMeier starts at survival 1 and drops at once for subjects ending at time 0', () => {
	expect(kaplanMeier([0, 0, 3, 5], [true, false, true, false]).map(({ lower, upper, ...step }) => step)).toEqual([
		{ time: 0, at_risk: 4, events: 0, censored: 0, survival: 1 },
		{ time: 0, at_risk: 4, events: 1, censored: 1, survival: 0.75 },
		{ time: 3, at_risk: 2, events: 1, censored: 0, survival: 0.375 },
		{ time: 5, at_risk: 1, events: 0, censored: 1, survival: 0.375 }
	]);
});

test('kaplanMeier of no subjects is the origin alone; bad input is refused', () => {
	expect(kaplanMeier([], [])).toEqual([{ time: 0, at_risk: 0, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 }]);
	expect(() => kaplanMeier([1], [])).toThrow(RangeError);
	expect(() => kaplanMeier([-1], [true])).toThrow(RangeError);
});

test('kaplanMeier survival stays in [0, 1], never increases, and lies inside its band', () => {
	fc.assert(
		fc.property(
			fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 60 }),
			(subjects) => {
				const steps = kaplanMeier(
					subjects.map(([time]) => time),
					subjects.map(([, observed]) => observed)
				);
				expect(steps[0]).toMatchObject({ time: 0, survival: 1 });
				for (let k = 1; k < steps.length; k++) {
					expect(steps[k].survival).toBeGreaterThanOrEqual(0);
					expect(steps[k].survival).toBeLessThanOrEqual(steps[k - 1].survival);
					expect(steps[k].time).toBeGreaterThanOrEqual(steps[k - 1].time);
					expect(steps[k].lower).toBeLessThanOrEqual(steps[k].survival + 1e-12);
					expect(steps[k].upper).toBeGreaterThanOrEqual(steps[k].survival - 1e-12);
				}
			}
		)
	);
});

test('kaplanMeier’s 95% band is scipy’s Greenwood log-log interval (fixtures/make-scipy-intervals.py)', () => {
	const durations = [1, 2, 2, 3, 4, 4, 5, 7, 8, 10];
	const observed = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1].map(Boolean);
	// scipy.stats.ecdf(CensoredData(...)).sf.confidence_interval(0.95, method='log-log') at t = 1, 2, 3, 4, 5, 7, 8.
	const scipy_low = [0.47300927136205023, 0.4086907816334043, 0.30458507420184733, 0.1429821627556124, 0.1429821627556124, 0.053533884600010885, 0.053533884600010885];
	const scipy_high = [0.9852813933673431, 0.9458726458389117, 0.8871484950277074, 0.7297791060152379, 0.7297791060152379, 0.6173675617556929, 0.6173675617556929];
	const steps = kaplanMeier(durations, observed).slice(1);
	expect(steps.map((step) => step.time)).toEqual([1, 2, 3, 4, 5, 7, 8, 10]);
	steps.slice(0, 7).forEach((step, k) => {
		expect(step.lower).toBeCloseTo(scipy_low[k], 12);
		expect(step.upper).toBeCloseTo(scipy_high[k], 12);
	});
	// scipy: NaN where survival reaches 0; here the band closes on 0.
	expect(steps[7]).toMatchObject({ survival: 0, lower: 0, upper: 0 });
});
