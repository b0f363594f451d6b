import { expect, test } from 'vitest';
import { silentMembers } from './silent-members.oracle';

const as_of = '2022-03-01 00:00:00';
const member = (author_id: string, message_dates: string[]) => ({
	author_id,
	author_name: author_id.toUpperCase(),
	message_dates
});

const regular = member('regular', ['2021-11-01 09:00', '2021-12-01 09:00', '2021-12-31 09:00', '2022-01-30 09:00']);
const burst = member('burst', [
	'2022-01-01 10:00:00',
	'2022-01-02 10:00:00',
	'2022-01-04 10:00:00',
	'2022-01-05 10:00:00',
	'2022-01-15 10:00:00'
]);
const chatty = member('chatty', ['2022-02-17 08:00:00', '2022-02-18 08:00:00', '2022-02-19 08:00:00']);
const once = member('once', ['2022-02-15 00:00:00']);
const twice = member('twice', ['2022-01-01 12:00:00', '2022-02-16 00:00:00']);
const lurker = member('lurker', []);

test('silentMembers lists members quiet for longer than their own 95th-percentile gap and at least 14 days', () => {
	expect(silentMembers([regular, burst, chatty, once, twice, lurker], as_of)).toEqual([
		{
			author_id: 'burst',
			author_name: 'BURST',
			last_message_at: '2022-01-15 10:00:00',
			days_silent: 44 + 14 / 24,
			// gaps 1, 2, 1, 10 days; numpy.quantile([1, 2, 1, 10], 0.95) == 8.799999999999997
			usual_gap_days: 8.799999999999997
		},
		{
			author_id: 'once',
			author_name: 'ONCE',
			last_message_at: '2022-02-15 00:00:00',
			days_silent: 14,
			usual_gap_days: null
		}
	]);
});

test('silentMembers: someone quiet for exactly their usual gap is not silent yet', () => {
	// gaps of exactly 30 days; the last message was 2022-01-30 09:00
	expect(silentMembers([regular], '2022-03-01 09:00:00')).toEqual([]);
	expect(silentMembers([regular], '2022-03-01 09:00:01')).toMatchObject([
		{ author_id: 'regular', usual_gap_days: 30 }
	]);
});

test('silentMembers: with fewer than 3 messages only min_days decides, and 14 days counts', () => {
	expect(silentMembers([twice], as_of)).toEqual([]);
	expect(silentMembers([twice], '2022-03-02 00:00:00')).toEqual([
		{
			author_id: 'twice',
			author_name: 'TWICE',
			last_message_at: '2022-02-16 00:00:00',
			days_silent: 14,
			usual_gap_days: null
		}
	]);
});

test('silentMembers: min_days lowers the floor for frequent posters', () => {
	expect(silentMembers([chatty], as_of)).toEqual([]);
	const lowered = silentMembers([chatty], as_of, { min_days: 7 });
	expect(lowered.map((m) => [m.author_id, m.usual_gap_days])).toEqual([['chatty', 1]]);
});

test('silentMembers reads unsorted dates, date-only and minute-precision times', () => {
	const loose = member('loose', ['2022-01-10', '2022-01-01 00:00', '2022-01-05 12:00:00.500']);
	expect(silentMembers([loose], as_of)[0]).toMatchObject({ last_message_at: '2022-01-10', days_silent: 50 });
	expect(() => silentMembers([member('bad', ['01/02/2022'])], as_of)).toThrow(RangeError);
});
