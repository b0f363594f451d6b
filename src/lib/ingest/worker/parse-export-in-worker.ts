import type { ParsedExport } from '../canonical-message';
import type { ParseAnswer, ParseRequest } from './answer-parse-request';
import { FORMAT_ADAPTERS } from '../formats/format-adapters';
import type { ExportFile, ParseOptions } from '../formats/format-adapter';
import { unpackParsedExport } from './unpack-parsed-export';

export interface ParseInWorkerOptions {
	time_zone: string;
	onStage?: (stage: string) => void;
	/** Aborting terminates the worker at once, wherever the parse is, and rejects with the signal's reason. */
	signal?: AbortSignal;
}

/**
 * Unzips and parses an export in a Web Worker of its own, so the page stays responsive and a cancel takes
 * effect at once. Where there are no Web Workers (Node), parses on this thread.
 */
export async function parseExportInWorker(adapter_id: string, file: ExportFile, options: ParseInWorkerOptions): Promise<ParsedExport> {
	const { signal, onStage } = options;
	signal?.throwIfAborted();
	if (typeof Worker === 'undefined') {
		const adapter = FORMAT_ADAPTERS.find((candidate) => candidate.id === adapter_id);
		if (!adapter) throw new Error(`No export format is called ${adapter_id}.`);
		return adapter.parse(file, { time_zone: options.time_zone } satisfies ParseOptions);
	}
	const worker = new Worker(new URL('./parse-export.worker.ts', import.meta.url), { type: 'module' });
	const answered = new Promise<ParseAnswer & { type: 'parsed' }>((resolve, reject) => {
		const stop = (error: unknown) => {
			worker.terminate();
			signal?.removeEventListener('abort', abort);
			reject(error);
		};
		const abort = () => stop(signal!.reason);
		signal?.addEventListener('abort', abort, { once: true });
		worker.onmessage = (event: MessageEvent<ParseAnswer>) => {
			const answer = event.data;
			if (answer.type === 'stage') {
				// The caller's onStage throws once the load is cancelled; that ends the parse too.
				try {
					onStage?.(answer.stage);
				} catch (error) {
					stop(error);
				}
				return;
			}
			if (answer.type === 'failed') return stop(new Error(answer.message));
			worker.terminate();
			signal?.removeEventListener('abort', abort);
			resolve(answer);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			stop(new Error(`Reading ${file.name} stopped: ${event.message || 'its worker failed (most often because this tab ran out of memory)'}`));
		};
	});
	const request: ParseRequest = { adapter_id, file, options: { time_zone: options.time_zone } };
	worker.postMessage(request);
	return unpackParsedExport((await answered).packed, signal);
}
