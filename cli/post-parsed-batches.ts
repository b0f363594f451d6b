import type { MessagePort } from 'node:worker_threads';
import type { ParsedBatch } from '../src/lib/ingest/canonical-message';
import { FORMAT_ADAPTERS } from '../src/lib/ingest/formats/format-adapters';
import { pathImportSource } from './path-import-source';

/** What the parse thread is asked to read. */
export interface ParseThreadRequest {
	adapter_id: string;
	path: string;
	time_zone: string;
}

/** What the parse thread posts: a batch each time it is asked for the next ('next'), then `done`, or why it failed. */
export type ParseThreadAnswer = { type: 'batch'; batch: ParsedBatch } | { type: 'done' } | { type: 'failed'; message: string };

/**
 * The parse thread's whole job: streams the file through its adapter, one batch per 'next' from the main thread,
 * so the thread is never more than a batch ahead of the inserts.
 */
export async function postParsedBatches(request: ParseThreadRequest, port: Pick<MessagePort, 'on' | 'postMessage'>): Promise<void> {
	let asked = 0;
	let wake: (() => void) | null = null;
	port.on('message', () => {
		asked++;
		wake?.();
	});
	const nextAsked = async () => {
		while (asked === 0) await new Promise<void>((resume) => (wake = resume));
		asked--;
	};
	try {
		const adapter = FORMAT_ADAPTERS.find((candidate) => candidate.id === request.adapter_id);
		if (!adapter?.parseStream) throw new Error(`No export format that is read one message at a time is called ${request.adapter_id}.`);
		const batches = adapter.parseStream(pathImportSource(request.path), { time_zone: request.time_zone })[Symbol.asyncIterator]();
		for (;;) {
			await nextAsked();
			const { value, done } = await batches.next();
			if (done) break;
			port.postMessage({ type: 'batch', batch: value } satisfies ParseThreadAnswer);
		}
		port.postMessage({ type: 'done' } satisfies ParseThreadAnswer);
	} catch (error) {
		port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ParseThreadAnswer);
	}
}
