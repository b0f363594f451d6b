import { describe, expect, test } from 'vitest';
import { parseAnalysisSettings } from './parse-analysis-settings';
import { withMemberMerge } from './with-member-merge';

describe('withMemberMerge(merges, into, from)', () => {
	test('adds a merge', () => {
		expect(withMemberMerge([], '10001', ['10002'])).toEqual([{ into: '10001', from: ['10002'] }]);
	});

	test('a member already merged into brings its merged members along, so merges never chain and settings stay valid', () => {
		const merges = withMemberMerge([{ into: 'B', from: ['b1'] }, { into: 'A', from: ['a1'] }, { into: 'Z', from: ['z1'] }], 'A', ['B']);
		expect(merges).toEqual([
			{ into: 'Z', from: ['z1'] },
			{ into: 'A', from: ['B', 'b1', 'a1'] }
		]);
		expect(parseAnalysisSettings({ member_merges: merges }).member_merges).toEqual(merges);
	});
});
