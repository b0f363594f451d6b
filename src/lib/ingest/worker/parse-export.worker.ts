import { answerParseRequest, type ParseAnswer, type ParseRequest } from './answer-parse-request';

// One request per worker: the page terminates the worker to cancel, so it never outlives its file.
self.onmessage = (event: MessageEvent<ParseRequest>) => {
	answerParseRequest(event.data, (answer: ParseAnswer, transfer: ArrayBuffer[] = []) => self.postMessage(answer, { transfer }));
};
