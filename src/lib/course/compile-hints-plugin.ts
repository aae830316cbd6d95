// V8 compiles a function lazily, on the main thread, the first time it is called. Hydrating a step
// calls most of the app's code at once, and creating Monaco most of its own, so those first calls
// were a good part of the load's long tasks (lazy compiles: ~40% of the hydration task). A chunk
// that starts with the `//# allFunctionsCalledOnLoad` magic comment (Chromium's explicit compile
// hints) is compiled whole while it streams in, on a background thread. Measured without DevTools
// on the page (test/bench/coldstart.bench.ts): hydration 56–71 ms instead of 58–102, Monaco's
// creation mostly under 50 ms. Browsers without compile hints read it as a comment.
//
// Written into the files after Vite has finished them (writeBundle): the comment must be the
// file's first line, and Vite puts its preload map at the top of a chunk late in its own hooks.
import type { Plugin } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(): Plugin {
	return {
		name: 'trace-tour:compile-hints',
		apply: 'build',
		writeBundle(options, bundle) {
			// the page's scripts only: the server's chunks never reach a browser
			if (this.environment?.config.consumer !== 'client' || !options.dir) return;
			for (const file of Object.values(bundle)) {
				if (file.type !== 'chunk') continue;
				const path = join(options.dir, file.fileName);
				writeFileSync(path, COMPILE_HINT + readFileSync(path, 'utf8'));
			}
		}
	};
}
