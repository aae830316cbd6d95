import type { Stream, WorkerLine } from './protocol';

export interface ConsoleSink {
	push(stream: Stream, text: string): void;
	/** delivers what is buffered and resolves once the world has it (comlink replies are ordered) */
	flush(): Promise<void>;
	dropped(): number;
}

/**
 * Sends a service's console lines as they come — so a line printed just before an infinite loop
 * still arrives — but batches a burst (one message per tick instead of one per line), and caps a
 * flood: after `maxLines` lines a visible note, then only a count.
 */
export function createConsoleSink(
	deliver: (lines: WorkerLine[]) => Promise<unknown> | unknown,
	opts: { maxLines: number; schedule: (fn: () => void) => void }
): ConsoleSink {
	let buffer: WorkerLine[] = [];
	let count = 0;
	let dropped = 0;
	let scheduled = false;
	let last: Promise<unknown> = Promise.resolve();
	/** lines sent immediately in the current 16 ms window */
	let windowStart = 0;
	let windowLines = 0;

	const send = () => {
		scheduled = false;
		if (buffer.length === 0) return last;
		const lines = buffer;
		buffer = [];
		last = Promise.resolve(deliver(lines));
		return last;
	};

	return {
		push(stream, text) {
			if (stream !== 'system' && count >= opts.maxLines) {
				dropped++;
				return;
			}
			if (stream !== 'system') count++;
			// long lines are cut too: one line must not carry megabytes to the page
			buffer.push({ stream, text: text.length > 10_000 ? `${text.slice(0, 10_000)}… (${text.length - 10_000} more characters)` : text });
			if (stream !== 'system' && count === opts.maxLines) {
				buffer.push({ stream: 'system', text: `console output capped at ${opts.maxLines} lines; later lines are not shown` });
			}
			const now = performance.now();
			if (now - windowStart > 16) {
				windowStart = now;
				windowLines = 0;
			}
			if (buffer.length >= 200 || (!scheduled && windowLines++ < 20)) send();
			else if (!scheduled) {
				scheduled = true;
				opts.schedule(send);
			}
		},
		async flush() {
			await send();
		},
		dropped: () => dropped
	};
}
