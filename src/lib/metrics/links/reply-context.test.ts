import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLY_WEIGHTS } from './choose-reply';
import { REPLY_CONTEXT_OPTIONS, ReplyContext, type ReplyMessage } from './reply-context';

const MEMBERS = ['Ann', 'Bob', 'Cy Lee', '老师', '小王'].map((name) => ({ name, author_id: name }));

function message(seq: number, author_id: string, minute: number, text: string, replied_author_id: string | null = null): ReplyMessage {
	return { seq, source_index: 1, author_id, sent_ms: minute * 60_000, text, replied_author_id };
}

/** The shared-word counts of a new message against each earlier one, latest first. */
function sharedWords(earlier: readonly string[], text: string): number[] {
	const context = new ReplyContext(MEMBERS, REPLY_CONTEXT_OPTIONS);
	earlier.forEach((words, index) => context.add(context.read(message(index, 'Ann', index, words))));
	const options = context.options(context.read(message(earlier.length, 'Bob', earlier.length, text)));
	return options.slice(1).map((option) => option.facts.shared_words);
}

describe('ReplyContext shared words', () => {
	it('counts two words whose 32-bit hashes are equal ("glbvs", "yacxa") as different words', () => {
		expect(sharedWords(['glbvs', 'glbvs yacxa', 'yacxa'], 'yacxa')).toEqual([1, 1, 0]);
	});

	it('counts Chinese by two-character pieces and ignores case, short words and stop words', () => {
		expect(sharedWords(['明天考试吗', 'Anatomy exam tomorrow, right?', 'the anatomy notes'], '考试 ANATOMY notes about')).toEqual([2, 1, 1]);
	});

	it('counts exactly when a message holds more words than are sorted by insertion (a 200-character text)', () => {
		const long = Array.from({ length: 100 }, (_, index) => `word${String(index).padStart(3, '0')}`).join(' ');
		const chinese = '心肺复苏按压深度五到六厘米频率每分钟一百到一百二十次'.repeat(4);
		expect(sharedWords([long, chinese], 'word007 word099 word100 按压深度')).toEqual([3, 2]);
	});
});

describe('ReplyContext.best', () => {
	const texts = ['ok', 'Ann: see the notes', '@Bob 明天考试吗？', '好的谢谢老师', 'hello everyone', 'anatomy notes tomorrow?', '小王 你好', 'Cy Lee, thanks', '考试的重点是什么'];
	const conversation = fc.array(
		fc.record({ author: fc.constantFrom(...MEMBERS.map((member) => member.author_id)), gap: fc.constantFrom(0, 1, 5, 30, 59, 60, 61, 300), text: fc.constantFrom(...texts), replied: fc.boolean() }),
		{ minLength: 1, maxLength: 80 }
	);

	it('picks the option the weights score highest among all options (ties: no parent, then the latest), and says where it stood', () => {
		fc.assert(
			fc.property(conversation, (drafts) => {
				const context = new ReplyContext(MEMBERS, REPLY_CONTEXT_OPTIONS);
				let minute = 0;
				drafts.forEach((draft, seq) => {
					minute += draft.gap;
					const read = context.read(message(seq, draft.author, minute, draft.text, draft.replied && seq > 0 ? drafts[seq - 1].author : null));
					const options = context.options(read);
					const scores = options.map((option) => option.features.reduce((sum, value, index) => sum + REPLY_WEIGHTS[index] * value, 0));
					const expected = scores.indexOf(Math.max(...scores));
					const ranked = context.best(read, REPLY_WEIGHTS);
					expect([ranked.index, ranked.count]).toEqual([expected, options.length]);
					expect(ranked.option.candidate).toBe(options[expected].candidate);
					expect(Array.from(ranked.option.features)).toEqual(Array.from(options[expected].features));
					expect(ranked.option.facts).toEqual(options[expected].facts);
					context.add(read);
				});
			})
		);
	});
});
