export interface RequestWatchdogOptions {
	/** Asks the worker something it answers at once, after every request sent before it (duckdb-wasm's PING). */
	ping: () => Promise<unknown>;
	/** Called once when the worker answered the ping while an older request is still unanswered. */
	onLost: () => void;
	/** How long a request may run before the watchdog asks whether the worker is still at it. */
	after_ms: number;
}

export interface RequestWatchdog {
	/** Follows one request to the worker until it settles; returns it unchanged. */
	watch<T>(request: Promise<T>): Promise<T>;
	stop(): void;
}

/**
 * Tells a worker that is slow from one that dropped a request. The database worker answers its requests one
 * at a time, in order, and runs each query synchronously: while it is working, a ping waits behind the query;
 * a ping answered while an older request is still pending means that request's answer will never come (the
 * worker lost it, most often for lack of memory), and the page would otherwise wait for ever.
 */
export function requestWatchdog(options: RequestWatchdogOptions): RequestWatchdog {
	const pending = new Map<number, number>();
	let next_id = 0;
	let timer: ReturnType<typeof setInterval> | null = null;
	let pinging = false;
	let stopped = false;

	const check = () => {
		if (pinging || stopped) return;
		const now = Date.now();
		const overdue = [...pending].filter(([, sent_at]) => now - sent_at >= options.after_ms).map(([id]) => id);
		if (overdue.length === 0) return;
		pinging = true;
		options.ping().then(
			() => {
				pinging = false;
				if (!stopped && overdue.some((id) => pending.has(id))) {
					stopped = true;
					options.onLost();
				}
			},
			() => (pinging = false)
		);
	};
	const settle = (id: number) => {
		pending.delete(id);
		if (pending.size === 0 && timer !== null) {
			clearInterval(timer);
			timer = null;
		}
	};

	return {
		watch<T>(request: Promise<T>): Promise<T> {
			if (stopped) return request;
			const id = next_id++;
			pending.set(id, Date.now());
			timer ??= setInterval(check, Math.max(1, options.after_ms / 2));
			request.then(
				() => settle(id),
				() => settle(id)
			);
			return request;
		},
		stop() {
			stopped = true;
			pending.clear();
			if (timer !== null) clearInterval(timer);
			timer = null;
		}
	};
}
