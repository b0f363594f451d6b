/** Stages, events and time zone of the sample community, in the shape the settings store loads. */
export const sampleSettings = {
	time_zone: 'Asia/Shanghai' as const,
	stages: [
		{ name: 'Medical students', start: '2020-09-01', end: '2021-06-30' },
		{ name: 'Interns', start: '2021-07-01', end: '2022-02-28' },
		{ name: 'Newly qualified doctors', start: '2022-03-01', end: '2022-10-31' }
	],
	events: [
		{ date: '2021-01-11', label: 'End-of-term exams' },
		{ date: '2021-03-04', label: 'Mentor task: case report' },
		{ date: '2021-06-19', label: 'Offline meeting' },
		{ date: '2021-11-03', label: 'Mentor task: journal club presentation' },
		{ date: '2022-01-15', label: 'Last offline meeting' },
		{ date: '2022-08-20', label: 'Licensing exam' }
	]
};
