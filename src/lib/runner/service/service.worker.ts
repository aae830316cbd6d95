// One learner service in its own worker. Exposes ServiceApi with comlink and nothing else.
// A fresh worker per run: the async-context patches, opentracing's global tracer and every
// timer start clean. The API itself is service-api.ts; this file gives it the worker's realm.
import * as Comlink from 'comlink';
import { installAsyncContext } from '$lib/tracer';
import { RUNTIME_GLOBAL } from '../compile/runtime-modules';
import type { ConsoleSink } from './console-sink';
import { formatArgs } from './format';
import { createLiveness } from './liveness';
import { createServiceApi } from './service-api';

installAsyncContext(globalThis);

function captureConsole(s: ConsoleSink) {
	const c = globalThis.console as unknown as Record<string, (...a: unknown[]) => void>;
	for (const m of ['log', 'info', 'debug', 'trace']) c[m] = (...a) => s.push('out', formatArgs(a));
	for (const m of ['warn', 'error']) c[m] = (...a) => s.push('err', formatArgs(a));
}

const { api, report } = createServiceApi({
	// after the patch: learner timers carry the active span like every other callback
	liveness: createLiveness({
		setTimeout: globalThis.setTimeout,
		clearTimeout: globalThis.clearTimeout,
		setInterval: globalThis.setInterval,
		clearInterval: globalThis.clearInterval
	}),
	later: (fn) => void globalThis.setTimeout(fn, 0),
	provide(modules, sink) {
		captureConsole(sink);
		(globalThis as Record<string, unknown>)[RUNTIME_GLOBAL] = modules;
	},
	bundleUrl: (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
	load: async (url) => (await import(/* @vite-ignore */ url)) as Record<string, unknown>
});

self.addEventListener('error', (ev) => {
	ev.preventDefault();
	report(ev.error ?? ev.message, 'uncaught exception');
});
self.addEventListener('unhandledrejection', (ev) => {
	ev.preventDefault();
	report(ev.reason, 'unhandled promise rejection');
});

Comlink.expose(api);
