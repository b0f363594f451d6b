/**
 * The designed month-by-month row counts of the sample community. `messages` counts rows of kind
 * `text` only (what every series counts); `media` and `sticker` rows come on top. Two months are
 * task-driven peaks (2021-03: 788, 2021-11: 706); every other month stays between 155 and 462 and
 * no other local maximum has a prominence above 107, far below the default threshold (~314).
 */
export const sampleMonthlyCounts: readonly { month: string; messages: number; media: number; sticker: number }[] = [
	{ month: '2020-09', messages: 280, media: 7, sticker: 5 },
	{ month: '2020-10', messages: 345, media: 8, sticker: 6 },
	{ month: '2020-11', messages: 398, media: 10, sticker: 7 },
	{ month: '2020-12', messages: 372, media: 9, sticker: 6 },
	{ month: '2021-01', messages: 318, media: 8, sticker: 5 },
	{ month: '2021-02', messages: 291, media: 7, sticker: 5 },
	{ month: '2021-03', messages: 788, media: 19, sticker: 13 },
	{ month: '2021-04', messages: 462, media: 11, sticker: 8 },
	{ month: '2021-05', messages: 435, media: 10, sticker: 7 },
	{ month: '2021-06', messages: 403, media: 10, sticker: 7 },
	{ month: '2021-07', messages: 361, media: 9, sticker: 6 },
	{ month: '2021-08', messages: 330, media: 8, sticker: 6 },
	{ month: '2021-09', messages: 366, media: 9, sticker: 6 },
	{ month: '2021-10', messages: 414, media: 10, sticker: 7 },
	{ month: '2021-11', messages: 706, media: 17, sticker: 12 },
	{ month: '2021-12', messages: 438, media: 11, sticker: 7 },
	{ month: '2022-01', messages: 362, media: 9, sticker: 6 },
	{ month: '2022-02', messages: 309, media: 7, sticker: 5 },
	{ month: '2022-03', messages: 288, media: 7, sticker: 5 },
	{ month: '2022-04', messages: 262, media: 6, sticker: 4 },
	{ month: '2022-05', messages: 236, media: 6, sticker: 4 },
	{ month: '2022-06', messages: 212, media: 5, sticker: 4 },
	{ month: '2022-07', messages: 193, media: 5, sticker: 3 },
	{ month: '2022-08', messages: 176, media: 4, sticker: 3 },
	{ month: '2022-09', messages: 165, media: 4, sticker: 3 },
	{ month: '2022-10', messages: 155, media: 4, sticker: 3 }
];
