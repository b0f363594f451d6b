import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locale } from '../i18n/locale';
import { filterSentence } from './filter-sentence';
import { methodCaption } from './method-caption';

describe('methodCaption', () => {
	it("reads DESIGN's default method as one sentence per part", () => {
		expect(
			methodCaption({
				counted: { excluded_kinds: ['system', 'media', 'sticker'] },
				reply_method: 'reply-inferred',
				time_zone: 'Asia/Shanghai',
				date_range: ['2020-09', '2022-10']
			})
		).toBe(
			'Counted: text messages (media, stickers and system messages excluded). Replies: explicit reply ids, else inferred from names, addressing, same author and time within 60 min; replies to oneself not counted. Times in Asia/Shanghai. 2020-09 – 2022-10.'
		);
	});

	it('says the filter after what was counted, and that replies were found on the whole chat', () => {
		expect(
			methodCaption({
				counted: { excluded_kinds: ['system', 'media', 'sticker'], filtered: 'Filtered: 2021-01-01 – 2021-06-30 · students only · 2 of 3 sources.' },
				reply_method: 'explicit-only',
				time_zone: 'UTC',
				date_range: ['2021-01', '2021-06']
			})
		).toBe(
			'Counted: text messages (media, stickers and system messages excluded). Filtered: 2021-01-01 – 2021-06-30 · students only · 2 of 3 sources. Replies: explicit reply ids only; replies to oneself not counted. Replies found on the whole chat; those the filtered messages make are counted. Times in UTC. 2021-01 – 2021-06.'
		);
		expect(methodCaption({ counted: { excluded_kinds: [], filtered: 'Filtered: from 2021-03-01.' }, time_zone: 'UTC', date_range: ['2021-03', '2021-04'] })).toBe(
			'Counted: all messages. Filtered: from 2021-03-01. Times in UTC. 2021-03 – 2021-04.'
		);
	});

	it('names other exclusions, leaves replies out when no links are drawn, and prints a single period once', () => {
		expect(methodCaption({ counted: { excluded_kinds: ['system', 'poll'] }, time_zone: 'UTC', date_range: ['2021-03', '2021-03'] })).toBe(
			'Counted: messages (system messages and poll messages excluded). Times in UTC. 2021-03.'
		);
		expect(methodCaption({ counted: { excluded_kinds: [] }, reply_method: 'explicit-only', time_zone: '+08:00', date_range: ['2021-01-04', '2021-02-01'] })).toBe(
			'Counted: all messages. Replies: explicit reply ids only; replies to oneself not counted. Times in +08:00. 2021-01-04 – 2021-02-01.'
		);
	});

	it('names a kind called like a property of every object (constructor, __proto__, toString) as that word', () => {
		expect(methodCaption({ counted: { excluded_kinds: ['constructor', '__proto__'] }, time_zone: 'UTC', date_range: ['2021-03', '2021-03'] })).toBe(
			'Counted: messages (__proto__ messages and constructor messages excluded). Times in UTC. 2021-03.'
		);
		const prototype_names = Object.getOwnPropertyNames(Object.prototype);
		fc.assert(
			fc.property(fc.uniqueArray(fc.oneof(fc.constantFrom(...prototype_names), fc.string({ minLength: 1 })), { maxLength: 5 }), (kinds) => {
				const caption = methodCaption({ counted: { excluded_kinds: kinds }, time_zone: 'UTC', date_range: ['2021-03', '2021-03'] });
				for (const kind of kinds.filter((kind) => !['media', 'sticker', 'system'].includes(kind))) expect(caption).toContain(`${kind} messages`);
				expect(caption).not.toContain('[native code]');
			}),
			{ numRuns: 300 }
		);
	});

	it('reads in Chinese when the interface is in Chinese, filter included', () => {
		locale.set('zh-CN');
		try {
			const filtered = filterSentence(
				{ from: '2021-01-01', to: '2021-06-30', roles: ['student'], members: [], sources: ['a.txt', 'b.txt'], kinds: [] },
				{ members: [], sources: ['a.txt', 'b.txt', 'c.txt'] }
			);
			expect(
				methodCaption({
					counted: { excluded_kinds: ['system', 'media', 'sticker'], filtered },
					reply_method: 'reply-inferred',
					time_zone: 'Asia/Shanghai',
					date_range: ['2021-01', '2021-06']
				})
			).toBe(
				'统计范围：文本消息（不含媒体、贴纸和系统消息）。筛选：2021-01-01 – 2021-06-30 · 仅学生 · 3 个来源中的 2 个。回复：优先采用显式回复 ID，否则根据姓名、称呼对象、同一作者及 60 分钟内的时间推断；不计自己回复自己。回复关系在整个聊天中识别，只统计筛选后消息发出的回复。时间按 Asia/Shanghai 时区计。2021-01 – 2021-06。'
			);
		} finally {
			locale.set('en');
		}
	});
});
