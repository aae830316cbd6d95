// A small browser test runner: test files register tests with `test()`, run.ts runs them one by one,
// each in a fresh browser context, and ends with the line CI reads: "N passed, N failed".
import type { BrowserContext, Page } from 'playwright-core';
export { default as assert } from 'node:assert/strict';

export interface TestContext {
	page: Page;
	context: BrowserContext;
	/** absolute URL on the test server */
	url: (path: string) => string;
	/** console errors and page errors seen so far in this test */
	consoleErrors: string[];
}

export interface RegisteredTest {
	name: string;
	file: string;
	timeoutMs: number;
	fn: (t: TestContext) => Promise<void>;
}

export const registry: RegisteredTest[] = [];
let currentFile = '';

export function setCurrentFile(file: string) {
	currentFile = file;
}

export function test(name: string, fn: (t: TestContext) => Promise<void>, options: { timeoutMs?: number } = {}) {
	registry.push({ name, file: currentFile, fn, timeoutMs: options.timeoutMs ?? 60_000 });
}
