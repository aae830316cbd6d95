import { afterEach, describe, expect, it } from 'vitest';
import { sliceCheck, sliceMonacoEvaluation } from '../../../src/lib/editor/vite-plugin';

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
const busy = (ms: number) => {
	const end = performance.now() + ms;
	while (performance.now() < end);
};

afterEach(() => {
	delete (globalThis as { __tourSliceEnd?: number }).__tourSliceEnd;
});

describe('slicing Monaco evaluation', () => {
	it('yields to the event loop once a slice has run its time, and runs every module in order', async () => {
		// six "modules" of 6 ms each, slices of 10 ms: the third check is past the deadline
		const modules = Array.from({ length: 6 }, (_, i) => `${sliceCheck(10)}busy(6); order.push(${i});`).join('\n');
		const order: number[] = [];
		const evaluation = new AsyncFunction('busy', 'order', modules)(busy, order);
		// what ran before the first yield: at most two modules, not all six
		expect(order.length).toBeGreaterThan(0);
		expect(order.length).toBeLessThanOrEqual(2);
		await evaluation;
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('does not yield while a slice has time left', async () => {
		const modules = Array.from({ length: 20 }, (_, i) => `${sliceCheck(10_000)}order.push(${i});`).join('\n');
		const order: number[] = [];
		const evaluation = new AsyncFunction('busy', 'order', modules)(busy, order);
		expect(order).toHaveLength(20);
		await evaluation;
	});

	it('transforms Monaco modules of the page build only', () => {
		const plugin = sliceMonacoEvaluation(25);
		const transform = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null;
		const client = { environment: { config: { consumer: 'client' } } };
		const server = { environment: { config: { consumer: 'server' } } };
		const monaco = '/p/node_modules/monaco-editor/esm/vs/editor/common/model.js';
		expect(transform.call(client, 'export const a = 1;', monaco)?.code).toBe(sliceCheck(25) + 'export const a = 1;');
		expect(transform.call(server, 'export const a = 1;', monaco)).toBeNull();
		expect(transform.call(client, 'export const a = 1;', '/p/src/lib/editor/monaco.ts')).toBeNull();
		expect(transform.call(client, '.a{}', '/p/node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css')).toBeNull();
		expect(plugin.apply).toBe('build');
	});
});
