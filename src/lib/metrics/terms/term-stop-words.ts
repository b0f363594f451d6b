// Short lists of our own, after the idea of the function-word stop lists of information retrieval (the SMART
// system's English list, Salton 1971) and, for Chinese, the HIT (Harbin Institute of Technology) stop list:
// pronouns, particles, auxiliaries, conjunctions and chat fillers, which every period of a chat uses alike.
const ENGLISH = `about after again all also am an and any are as at back be because been before being but by can
can't could did didn't do does doesn't doing don't done for from get got had has have having he her here hers him his how i'd i'll
i'm i've if im in into is isn't it it's its just let's like me more most my no not now of off ok okay on only
or our ours out over really so some such than thanks that that's the their theirs them then there there's these
they they're this those through to too up us very was we we're were what what's when where which while who whom
why will with would yeah yes you you're your yours`;

const CHINESE = `的 了 是 在 我 你 他 她 它 我们 你们 他们 她们 咱们 这 那 这个 那个 这些 那些 这样 那样 这么 那么 就 也 都
和 与 跟 及 或 或者 还是 吗 呢 吧 啊 呀 哦 噢 嗯 嗯嗯 哈 哈哈 哈哈哈 嘿 哎 诶 有 没有 没 不 不是 很 还 又 再 要 会
能 可以 一个 一下 一些 什么 怎么 怎么样 为什么 因为 所以 但是 但 而且 如果 然后 就是 已经 自己 大家 个 把 被
给 让 对 好 好的 说 去 来 到 上 下 里 中 着 过 得 地 之 其 等 呢 么 嘛 哇 啦 咯 呗 我的 你的 他的 她的 我们的 大家的`;

/** Words too common in chat to say what a period was about: English and Chinese, lower case. */
export const TERM_STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...CHINESE.split(/\s+/)]);
