import { describe, expect, it } from 'vitest';
import { textWidth } from './text-width';
import { wrapLines } from './wrap-lines';

describe('wrapLines', () => {
	it('breaks at spaces within the width and ends with an ellipsis when lines run out', () => {
		const lines = wrapLines('Mentor task: journal club presentation in week two', 120, 12);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(120);
		const two = wrapLines('Mentor task: journal club presentation in week two', 120, 12, 2);
		expect(two).toHaveLength(2);
		expect(two[1].endsWith('…')).toBe(true);
	});

	it('breaks Chinese text between characters, counting each as a full em', () => {
		expect(textWidth('病例报告', 10)).toBe(40);
		expect(wrapLines('导师布置的病例报告任务', 50, 10)).toEqual(['导师布置的', '病例报告任', '务']);
	});
});
