/**
 * Phrase pools for the sample community's text: `{slot}` placeholders are filled from `slots`.
 * Stage-specific pools are indexed by stage (0 medical students, 1 interns, 2 newly qualified doctors).
 * Event texts are keyed by the event date in `sampleSettings`.
 */
export const samplePhrases = {
	slots: {
		disease: ['急性心肌梗死', '社区获得性肺炎', '2型糖尿病', '高血压急症', '急性阑尾炎', '上消化道出血', '慢阻肺急性加重', '缺铁性贫血', '急性胰腺炎', '脑梗死', '肾病综合征', '甲亢', '心力衰竭', '哮喘'],
		disease_en: ['acute MI', 'pneumonia', 'type 2 diabetes', 'heart failure', 'appendicitis', 'sepsis', 'COPD exacerbation', 'DKA', 'stroke', 'pulmonary embolism', 'asthma', 'iron-deficiency anaemia', 'pancreatitis', 'nephrotic syndrome'],
		drug: ['阿司匹林', '二甲双胍', '呋塞米', '头孢曲松', '胰岛素', '肝素', '硝酸甘油', '奥美拉唑', '氨氯地平', '沙丁胺醇'],
		drug_en: ['aspirin', 'metformin', 'furosemide', 'ceftriaxone', 'insulin', 'heparin', 'amoxicillin', 'omeprazole', 'amlodipine', 'salbutamol'],
		dept: ['内科', '外科', '儿科', '急诊科', '妇产科', '神经内科', '心内科', 'ICU', '消化内科', '骨科'],
		dept_en: ['internal medicine', 'surgery', 'paediatrics', 'the ED', 'OB/GYN', 'neurology', 'cardiology', 'the ICU', 'gastroenterology', 'orthopaedics'],
		test: ['心电图', '血气分析', '胸片', '血常规', '肝功能', 'CT', '腹部B超', '凝血功能', '尿常规'],
		test_en: ['ECG', 'ABG', 'chest X-ray', 'CBC', 'LFTs', 'CT scan', 'ultrasound', 'troponin', 'urinalysis'],
		sign: ['胸痛', '发热', '呼吸困难', '腹痛', '咳嗽咳痰', '头晕', '水肿', '黄疸', '心悸'],
		sign_en: ['chest pain', 'fever', 'shortness of breath', 'abdominal pain', 'productive cough', 'dizziness', 'leg swelling', 'jaundice', 'palpitations'],
		exam: ['生理学', '病理学', '药理学', '内科学', '诊断学', '外科学', '生物化学'],
		exam_en: ['physiology', 'pathology', 'pharmacology', 'internal medicine', 'clinical diagnosis', 'surgery', 'biochemistry'],
		age: ['23', '35', '47', '58', '64', '71', '82']
	},
	mentor_prompt: [
		[
			'今天的病例讨论大家准备好了吗？',
			'同学们，今晚我们讨论一个{sign}的病例，患者男性，{age}岁，请大家先想想鉴别诊断。',
			'下周{exam}考试，大家有什么不懂的地方可以在群里问。',
			"Tonight's case: a {age}-year-old woman with {sign_en} for two days. What would you ask first?",
			'Quick question: what is the first-line treatment for {disease_en}?',
			'请大家复习一下{disease}的诊断标准，明天我会提问。',
			'Who can explain why we give {drug_en} in {disease_en}?',
			'这是一张{test}，大家看看有什么异常？',
			"Remember: history first, then examination, then tests. Don't jump straight to the {test_en}.",
			'今天查房遇到一个{disease}的患者，给大家分享一下诊断思路。',
			'Reading for this week: the chapter on {disease_en}, pages 120 to 145.',
			'大家觉得{drug}的主要不良反应有哪些？',
			'问大家一个问题：{sign}伴{sign}，首先考虑什么？',
			'Let me ask you something simple, but important: when do you call a senior?',
			'一位{age}岁的患者，{sign}三天，{test}提示异常，下一步怎么办？',
			'If the {test_en} is normal, does that rule out {disease_en}? Why or why not?',
			'{disease}和{disease}怎么鉴别？每人说一点。',
			'书上的{exam}知识点要和病人联系起来，不然考完就忘了。',
			'What dose of {drug_en} would you start with, and what would you monitor?',
			'今晚九点我们语音讨论{disease}，有空的同学参加。'
		],
		[
			'大家在{dept}轮转得怎么样？有什么问题可以拿出来讨论。',
			'实习期间写病历要注意什么，谁来说说？',
			'How is the rotation in {dept_en} going? Any interesting cases this week?',
			'提醒一下，交班的时候一定要把{test}结果讲清楚。',
			'Night shifts are hard. Write down every order you are not sure about, and ask.',
			'今天谁遇到了{disease}的病人？说说你们科是怎么处理的。',
			'Has anyone seen {test_en} results that surprised them this week?',
			'实习不只是干活，每个病人都要想一想为什么这样治疗。',
			'在{dept}有没有遇到{sign}的病人？你们第一步做了什么？',
			'A {age}-year-old with {sign_en} comes in at 3 a.m. You are alone. What do you do first?',
			'交班、写病历、跟查房，每一步都是学习的机会。',
			'Tell me one thing you learned in {dept_en} this week, just one.'
		],
		[
			'各位已经是医生了，工作中遇到难题随时来群里说。',
			'Congratulations on starting work! How are the first weeks in {dept_en}?',
			'规培考试的资料我整理了一份，需要的同学说一声。',
			'Anyone seen a case of {disease_en} recently? Share how you managed it.',
			'工作再忙也要注意休息，身体是自己的。',
			'好久没见大家发言了，最近都在忙什么？',
			'第一次独立值班的感觉怎么样？有什么困难说出来。',
			'If you are unsure about {drug_en} dosing at work, ask the pharmacist, it is not a shame.',
			'遇到{disease}的病人，记得先评估生命体征。'
		]
	],
	mentor_feedback: [
		'很好，思路很清楚。',
		'对，但还要考虑{disease}。',
		"Good point. But don't forget to check the {test_en}.",
		'这个回答基本正确，补充一点：{drug}要注意剂量。',
		'Exactly, that is why the guideline says "time is muscle".',
		"Not quite. Think about the patient's age, history, and the {sign_en}.",
		'大家都说得不错，明天我们继续。',
		"Well done, everyone. Let's stop here tonight.",
		'再想想，{sign}最常见的原因是什么？',
		'不要只背书，要结合病人的具体情况。',
		'Yes, and the next step would be {test_en}.',
		'有道理。临床上很多时候没有标准答案，关键是“先排除危及生命的情况”。'
	],
	student_answer: [
		'老师，我觉得是{disease}，因为有{sign}。',
		"I think it's {disease_en}, because of the {sign_en} and the {test_en} findings.",
		'应该先做{test}，再考虑用{drug}。',
		'First-line is {drug_en}, unless there is a contraindication.',
		'谢谢老师，我今晚复习一下。',
		"Thanks, I'll read the guideline tonight.",
		'老师，这个病例的鉴别诊断是不是还要包括{disease}？',
		'我不太确定，是不是和{drug}的副作用有关？',
		'Could it also be {disease_en}? The history fits, but the {test_en} is normal.',
		'老师，{test}上能看到ST段抬高吗？',
		'明白了，要先问病史，再做体格检查。',
		'我补充一下，{sign}还要考虑{disease}。',
		'So we should ask about onset, duration, and what makes it worse?',
		'老师，书上说的和指南不一样，以哪个为准？',
		'老师，如果患者对{drug}过敏，可以换成什么？',
		'I would order the {test_en} and the {test_en} first, then decide.',
		'是不是要先排除{disease}？患者{age}岁，有{sign}。',
		'My answer: {disease_en}. The {sign_en} plus the history make it likely.',
		'老师，{exam}里这部分会考吗？',
		'{drug}和{drug}能一起用吗？'
	],
	student_peer_start: [
		[
			'{exam}的重点谁整理了？求分享！',
			'Anyone has the notes for {exam_en}?',
			'明天早上的课在哪个教室？',
			'图书馆今晚几点关门？',
			'Is the {exam_en} exam open-book or closed-book?',
			'谁有{disease}的思维导图？',
			'大家{exam}复习到哪里了？',
			"Let's form a study group for {exam_en}, who's in?",
			'今天解剖课好难，神经那部分完全没听懂。',
			'下周见习去哪个医院？',
			'{exam}的课件老师发了吗？我找不到。',
			'今晚谁去自习室？一起复习{exam}。',
			'Does anyone understand the {disease_en} lecture? I got lost halfway.',
			'刚做完{exam}实验，累死了。'
		],
		[
			'你们{dept}轮转排班出来了吗？',
			'今天在{dept}值夜班，好累。',
			'Anyone else in {dept_en} this month? The ward is so busy.',
			'写病历写到现在，手都酸了。',
			'带教老师让我明天汇报一个{disease}的病人，有点紧张。',
			'Does anyone know how to request {test_en} in the new system?',
			'今天第一次独立问诊，患者主诉{sign}。',
			'下个月轮转到{dept}，有什么要准备的吗？',
			'考研还是直接工作，大家怎么想的？',
			'今天{dept}的主任查房，问了我{disease}的诊断标准，答得不好。',
			'Got my first thank-you from a patient today in {dept_en}.',
			'夜班收了三个病人，其中一个是{disease}。',
			'谁知道{test}的报告一般多久出来？'
		],
		[
			'入职体检大家都做了吗？',
			'规培考试报名开始了，别忘了。',
			'First week in {dept_en} as a real doctor, still nervous.',
			'今天收了一个{disease}的病人，处理得还算顺利。',
			'Anyone working nights this week? Let us grab food after.',
			'好久没在群里说话了，大家都还好吗？',
			'医院太忙了，很久没看群消息了。',
			'Did anyone pass the licensing exam? Results are out.',
			'刚下夜班，今天{dept}收了好多{sign}的病人。',
			'Still getting used to {dept_en}, the seniors are nice though.',
			'好想念以前大家一起上课的日子。',
			'医院食堂比学校的好吃，哈哈。',
			'规培第一个月在{dept}，每天都学到新东西。'
		]
	],
	student_peer_reply: [
		'我也是！',
		'同问。',
		'我这里有，等下发给你。',
		'I have them, will send you later.',
		'加油，你可以的！',
		'我们科也是，每天都忙到很晚。',
		'Same here, {dept_en} is crazy this week.',
		'哈哈哈哈哈',
		'别紧张，按照{disease}的诊疗流程来就行。',
		'Good luck! Remember to check the {test_en} first.',
		'谢谢，帮大忙了。',
		'Thanks, that helps a lot.',
		'我记得{drug}要饭后吃，对吧？',
		"I think the answer is {drug_en}, but I'm not 100% sure.",
		'明天一起去食堂？',
		'这个我也不会，等老师来解答吧。',
		'你说的“三基三严”，我们老师也天天讲。',
		'真的假的？我们那边完全不一样。',
		'我们科{test}也要排很久。',
		'I did the same thing last week, it worked out fine.',
		'下次一起，记得叫我。',
		'你们{dept}真辛苦，注意休息。',
		'这个问题好，我也想知道。',
		'Agreed, {disease_en} was my first thought too.',
		'有道理，我之前没想到{drug}这一点。',
		'先不聊了，我去看书了。'
	],
	acknowledgement: ['收到', '好的', '好的老师', 'Got it', 'OK', '谢谢', 'Thanks!', '+1', '👍', '明白'],
	task_followup: {
		'2021-03-04': [
			'我的病例报告选了一个{disease}的病人，这样可以吗？',
			'病例报告的格式有模板吗？',
			'Is it OK to write the case report in English?',
			'我写了一半了，现病史部分好难写。',
			'Finished my case report draft, who wants to swap and review?',
			'辅助检查要把{test}的结果都写上吗？',
			'病例报告的诊断思路部分，大家写了多少字？'
		],
		'2021-11-03': [
			'我选了一篇关于{disease_en}的论文，大家帮我看看合不合适？',
			'Which database do you use to find papers? PubMed?',
			'汇报的PPT最多几页？',
			"I'm presenting on Friday, so nervous.",
			'这篇RCT的样本量是不是太小了？',
			'谁能教我看森林图？',
			'Is a meta-analysis allowed, or only original research?'
		]
	} as Record<string, string[]>,
	event_announcement: {
		'2021-01-11': '期末考试今天开始了，大家加油！\nGood luck with the exams, everyone.',
		'2021-03-04':
			'【任务】各位同学：\n请每人在3月底前完成一份病例报告，选择一个你在见习中遇到的病例，包括主诉、现病史、体格检查、辅助检查和诊断思路。\nPlease write it in your own words, and end with "what I learned". 字数不少于1500字，我会逐一点评。',
		'2021-06-19': '今天下午的线下见面会，地点在教学楼302，3点开始，别迟到。',
		'2021-11-03':
			'【Task】Dear all,\nEach of you will present one recent paper at our online journal club before the end of November: 10 minutes, 5 slides max.\n重点讲研究方法和对临床的意义，"不要只念摘要"。',
		'2022-01-15': '今天是我们最后一次线下见面，之后大家就要去各个医院了。Thank you all, and keep in touch.',
		'2022-08-20': '执业医师考试今天笔试，祝大家顺利！Stay calm and read every question twice.'
	} as Record<string, string>
};
