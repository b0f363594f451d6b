import { describe, expect, it } from 'vitest';
import { DEFAULT_ANONYMIZE_OPTIONS, type AnonymizeOptions } from './anonymize-options';
import { textScrubber, type KnownPerson } from './text-scrubber';

const PEOPLE: KnownPerson[] = [
	{ code: 'M01', names: ['王老师'], ids: ['12345678'] },
	{ code: 'S01', names: ['小明', '小明(大)'], ids: ['23456789'] },
	{ code: 'S02', names: ['Budi Santoso'], ids: ['user414742973'] },
	{ code: 'S03', names: ['Ann'], ids: ['U024BE7LH'] },
	{ code: 'S04', names: ['Anna Lee'], ids: ['xiaohong@qq.com'] },
	{ code: 'S05', names: ['Ronny Gunawan \ufe0f'], ids: ['user149994951'] },
	{ code: 'P01', names: ['A'], ids: ['a'] },
	{ code: 'P02', names: ['+44 7700 900123'], ids: ['+44 7700 900123'] },
	{ code: 'P03', names: ['Lee Min'], ids: ['user7'] },
	{ code: 'S06', names: ['张伟', 'José Ramos'], ids: ['user66'] }
];

function scrub(texts: string[], options: Partial<AnonymizeOptions> = {}) {
	let next = 3;
	const scrubber = textScrubber(PEOPLE, { ...DEFAULT_ANONYMIZE_OPTIONS, ...options }, () => `P${String(++next).padStart(2, '0')}`);
	return { texts: texts.map((text) => scrubber.scrub(text)), counts: scrubber.counts, unknown: scrubber.unknown_mentions };
}

describe('textScrubber: names', () => {
	it('replaces CJK names inside running text, the longest name first', () => {
		expect(scrub(['小明你好，王老师说小明(大)明天来']).texts).toEqual(['S01你好，M01说S01明天来']);
	});

	it('replaces Latin names as whole words, ignoring case, and never inside a longer word', () => {
		expect(scrub(['Ann and ann, Annual ANNA LEE, Anna Lee’s notes, Annabel']).texts).toEqual(['S03 and S03, Annual S04, S04’s notes, Annabel']);
	});

	it('replaces a capitalised first or last name of one member, keeping lowercase words and shared parts', () => {
		// "Lee" belongs to Anna Lee and Lee Min: no code can be given, so it becomes [name]
		expect(scrub(['Budi said Santoso was late; budi is a word too; Lee and Min agree']).texts).toEqual([
			'S02 said S02 was late; budi is a word too; [name] and P03 agree'
		]);
		expect(scrub(['Budi said'], { scrub_name_parts: false }).texts).toEqual(['Budi said']);
	});

	it('replaces platform ids of members (QQ numbers, Slack user ids, e-mail ids) with their codes', () => {
		expect(scrub(['加我12345678', '<@U024BE7LH> joined', 'user414742973 wrote'], { scrub_emails: false }).texts).toEqual([
			'加我M01',
			'<@S03> joined',
			'S02 wrote'
		]);
		expect(scrub(['write to xiaohong@qq.com'], { scrub_emails: false }).texts).toEqual(['write to S04']);
	});

	it('leaves a 1-character name alone in prose but replaces it after @', () => {
		expect(scrub(['A cat, @A and @a']).texts).toEqual(['A cat, @P01 and @P01']);
	});
});

describe('textScrubber: @mentions', () => {
	it('codes known names, squeezed handles and phone-number handles, and gives unknown handles stable codes', () => {
		const { texts, unknown, counts } = scrub(['@Budi Santoso @RonnyGunawan @ronny_gunawan @447700900123', '@dsnoor hi @budi_dev @dsnoor', '小明@王老师 看']);
		expect(texts).toEqual(['@S02 @S05 @S05 @P02', '@P04 hi @P05 @P04', 'S01@M01 看']);
		expect(unknown).toEqual([
			{ code: 'P04', handle: 'dsnoor' },
			{ code: 'P05', handle: 'budi_dev' }
		]);
		expect(counts).toMatchObject({ names: 3, mentions: 6 });
	});

	it('does not take an e-mail address for a mention', () => {
		expect(scrub(['budi@example.com'], { scrub_emails: false }).texts).toEqual(['budi@example.com']);
	});
});

describe('textScrubber: identifiers by shape', () => {
	const text =
		'see https://example.com/p?q=1. and www.qq.com, github.com/budi_dev; mail a.b+c@mail.example.cn; ' +
		'call +44 20 7946 0958, (555) 123-4567, 138 0013 8000 or 13800138000; 加我QQ87654321，微信: budi_2020，wxid_ab12cd34';
	it('replaces URLs, e-mails, phone numbers, QQ numbers and WeChat ids with placeholders', () => {
		const { texts, counts } = scrub([text]);
		expect(texts).toEqual([
			'see [url]. and [url], [url]; mail [email]; call [phone], [phone], [phone] or [phone]; 加我QQ[qq]，微信: [wechat-id]，[wechat-id]'
		]);
		expect(counts).toMatchObject({ urls: 3, emails: 1, phones: 4, qq_numbers: 1, wechat_ids: 2 });
	});

	it('keeps each kind when asked', () => {
		expect(scrub([text], { scrub_urls: false, scrub_emails: false, scrub_phones: false, scrub_platform_ids: false }).texts).toEqual([text]);
	});

	it('leaves dates, times, decimals, thousands and year ranges alone', () => {
		const numbers = 'on 2020-09-01 20:15, 01.09.2020 and 2020/9/1 we had 3.14159, 1,000,000, 36.5 and 2020-2021; page 1234';
		expect(scrub([numbers]).texts).toEqual([numbers]);
	});
});

describe('textScrubber: names and identifiers however they are encoded', () => {
	it.each([
		['QQ:123456789', 'QQ:[qq]'],
		['QQ-123456789', 'QQ-[qq]'],
		['QQ号１２３４５６７８９', 'QQ号[qq]'],
		['加我QQ：８７６５４３２１，谢谢', '加我QQ：[qq]，谢谢'],
		['vx:1234567', 'vx:[qq]'],
		['１３８００１３８０００', '[phone]'],
		['tel:13800138000', 'tel:[phone]'],
		['电话 - 1380013800', '电话 - [phone]'],
		['Ｂｕｄｉ Ｓａｎｔｏｓｏ said', 'S02 said'],
		['Bu\u200bdi said', 'S02 said'],
		['张\u200d伟来了', 'S06来了'],
		['Jose\u0301 Ramos and Jose\u0301', 'S06 and S06'],
		// the bidi control outside the name stays, as all text around a match does
		['\u202eBudi Santoso', '\u202eS02'],
		['mail budi＠example.com', 'mail [email]'],
		['see budisantoso.github.io.', 'see [url].'],
		['cv: budi-portfolio.ai/cv', 'cv: [url]'],
		['mail budi.id@gmail.com, site budi.id', 'mail [email], site [url]']
	])('%j → %j', (text, expected) => {
		expect(scrub([text]).texts).toEqual([expected]);
	});

	it('keeps a sentence that only looks like a host name (ok.It was) and the punctuation around a match as written', () => {
		expect(scrub(['ok.It was fine', '（QQ：12345）']).texts).toEqual(['ok.It was fine', '（QQ：[qq]）']);
	});

	it('tells look-alike names apart by their exact spelling instead of replacing both with [name]', () => {
		const scrubber = textScrubber(
			[
				{ code: 'S01', names: ['Budi Santoso'], ids: ['u1'] },
				{ code: 'S02', names: ['Budi\u200b Santoso'], ids: ['u2'] }
			],
			DEFAULT_ANONYMIZE_OPTIONS,
			() => 'P99'
		);
		expect(['@Budi Santoso hi', '@Budi\u200b Santoso hi', 'Budi said', '@Ｂｕｄｉ Santoso'].map((text) => scrubber.scrub(text))).toEqual([
			'@S01 hi',
			'@S02 hi',
			'S01 said',
			'@[name]'
		]);
	});

	it('finds a name of 5,000 characters without overflowing the stack', () => {
		const long_name = 'Ab'.repeat(2500);
		const scrubber = textScrubber([{ code: 'S01', names: [long_name], ids: ['u1'] }], DEFAULT_ANONYMIZE_OPTIONS, () => 'P99');
		expect(scrubber.scrub(`hi ${long_name}!`)).toBe('hi S01!');
	});
});
