import { describe, expect, it } from 'vitest';
import { requestWatchdog } from './request-watchdog';

/** A worker that answers its requests one at a time, in order, as duckdb-wasm's does; `drop` loses a request's answer. */
function inOrderWorker() {
	const queue: { ms: number; drop: boolean; answer: () => void }[] = [];
	let busy = false;
	const work = () => {
		const next = queue.shift();
		if (!next) {
			busy = false;
			return;
		}
		busy = true;
		setTimeout(() => {
			if (!next.drop) next.answer();
			work();
		}, next.ms);
	};
	const send = (ms: number, drop = false) =>
		new Promise<void>((resolve) => {
			queue.push({ ms, drop, answer: resolve });
			if (!busy) work();
		});
	return { send, pings: 0 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requestWatchdog', () => {
	it('leaves a request that is slow but being worked on alone: the ping waits behind it', async () => {
		const worker = inOrderWorker();
		let lost = 0;
		const watchdog = requestWatchdog({ ping: () => (worker.pings++, worker.send(0)), onLost: () => lost++, after_ms: 20 });
		await watchdog.watch(worker.send(150));
		await sleep(60);
		expect(worker.pings).toBeGreaterThan(0);
		expect(lost).toBe(0);
		watchdog.stop();
	});

	it('says once that a request was lost when the worker answers a later ping before it', async () => {
		const worker = inOrderWorker();
		let lost = 0;
		const watchdog = requestWatchdog({ ping: () => (worker.pings++, worker.send(0)), onLost: () => lost++, after_ms: 20 });
		void watchdog.watch(worker.send(5, true));
		await sleep(200);
		expect(lost).toBe(1);
		watchdog.stop();
	});

	it('never pings while every request is answered in time', async () => {
		const worker = inOrderWorker();
		let lost = 0;
		const watchdog = requestWatchdog({ ping: () => (worker.pings++, worker.send(0)), onLost: () => lost++, after_ms: 100 });
		for (let request = 0; request < 20; request++) await watchdog.watch(worker.send(2));
		await sleep(150);
		expect([worker.pings, lost]).toEqual([0, 0]);
		watchdog.stop();
	});

	it('does not blame a request sent after the ping was asked for', async () => {
		const worker = inOrderWorker();
		let lost = 0;
		const watchdog = requestWatchdog({ ping: () => (worker.pings++, worker.send(0)), onLost: () => lost++, after_ms: 20 });
		const slow = watchdog.watch(worker.send(60));
		await sleep(45);
		// Overdue by now: a ping is queued behind `slow`; this one is young and queued behind the ping.
		const young = watchdog.watch(worker.send(30));
		await Promise.all([slow, young]);
		await sleep(30);
		expect(lost).toBe(0);
		watchdog.stop();
	});
});
