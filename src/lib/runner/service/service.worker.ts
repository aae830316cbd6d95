// One learner service in its own worker. Exposes ServiceApi with comlink and nothing else.
// A fresh worker per run: the async-context patches, opentracing's global tracer and every
// timer start clean.
import * as Comlink from 'comlink';
import { installAsyncContext } from '$lib/tracer';
import { SourceMap } from '../sourcemap/source-map';
import { mapError } from '../sourcemap/stack';
import { LEARNER_NS } from '../compile/plugin';
import { RUNTIME_GLOBAL } from '../compile/runtime-modules';
import { createConsoleSink, type ConsoleSink } from './console-sink';
import { formatArgs } from './format';
import { createLiveness } from './liveness';
import { createServiceRuntime, type ServiceRuntime } from './runtime';
import type { HostApi, Outcome, ServiceApi, ServiceStatus, StartOptions } from './protocol';

installAsyncContext(globalThis);
// after the patch: learner timers carry the active span like every other callback
const liveness = createLiveness({
	setTimeout: globalThis.setTimeout,
	clearTimeout: globalThis.clearTimeout,
	setInterval: globalThis.setInterval,
	clearInterval: globalThis.clearInterval
});
const later = (fn: () => void) => void globalThis.setTimeout(fn, 0);

let host: HostApi | null = null;
let sink: ConsoleSink | null = null;
let runtime: ServiceRuntime | null = null;
let mod: Record<string, unknown> | null = null;
let bundleUrl = '';
let map: SourceMap | null = null;

function report(e: unknown, where: string) {
	const mapped = mapError(e, bundleUrl, map);
	// flush first: lines printed before the error must arrive before it (same port, in order)
	void sink?.flush();
	void host?.error(mapped, where);
}

function captureConsole(s: ConsoleSink) {
	const c = globalThis.console as unknown as Record<string, (...a: unknown[]) => void>;
	for (const m of ['log', 'info', 'debug', 'trace']) c[m] = (...a) => s.push('out', formatArgs(a));
	for (const m of ['warn', 'error']) c[m] = (...a) => s.push('err', formatArgs(a));
}

self.addEventListener('error', (ev) => {
	ev.preventDefault();
	report(ev.error ?? ev.message, 'uncaught exception');
});
self.addEventListener('unhandledrejection', (ev) => {
	ev.preventDefault();
	report(ev.reason, 'unhandled promise rejection');
});

function outcome(e: unknown): Outcome {
	return { ok: false, error: mapError(e, bundleUrl, map) };
}

function status(): ServiceStatus {
	return {
		pendingTimers: liveness.pendingTimers(),
		pendingRequests: liveness.pendingRequests(),
		spansReported: runtime?.spans.sent ?? 0,
		spansDropped: runtime?.spans.dropped ?? 0
	};
}

const api: ServiceApi = {
	ping: () => true,

	async start(opts: StartOptions, h: HostApi) {
		host = h;
		const s = createConsoleSink((lines) => h.output(lines), { maxLines: opts.maxConsoleLines, schedule: later });
		sink = s;
		captureConsole(s);
		runtime = createServiceRuntime({
			service: opts.service,
			args: opts.args,
			host: h,
			sink: s,
			liveness,
			maxSpans: opts.maxSpans,
			onHandlerError: (e) => report(e, 'request handler')
		});
		(globalThis as Record<string, unknown>)[RUNTIME_GLOBAL] = runtime.modules;
		map = SourceMap.fromInline(opts.code, `${LEARNER_NS}:`);
		bundleUrl = URL.createObjectURL(new Blob([opts.code], { type: 'text/javascript' }));
		try {
			mod = (await import(/* @vite-ignore */ bundleUrl)) as Record<string, unknown>;
		} catch (e) {
			await s.flush();
			return { ...outcome(e), exports: [] };
		}
		// serve() calls made at the top level: their ports are open before start() returns
		await Promise.all([...runtime.settling]);
		await s.flush();
		return { ok: true, exports: Object.keys(mod) };
	},

	async main() {
		let result: Outcome = { ok: true };
		try {
			if (mod && typeof mod.main === 'function') await (mod.main as () => unknown)();
			// like Node: the program ends when nothing is left to wait for
			await liveness.idle();
		} catch (e) {
			result = outcome(e);
		}
		await sink?.flush();
		return result;
	},

	async handle(port, req) {
		const handler = runtime?.handlers.get(port);
		if (!handler) throw new Error(`nothing listens on port ${port}`);
		const res = await handler(req);
		// what the handler printed reaches the Console before the response reaches the client
		await sink?.flush();
		return res;
	},

	async shutdown() {
		const tracers = runtime?.tracers ?? [];
		await Promise.all(tracers.map((t) => new Promise<void>((r) => void t.close(() => r()))));
		const dropped = sink?.dropped() ?? 0;
		if (dropped > 0) sink?.push('system', `${dropped} more console lines were not shown`);
		await sink?.flush();
		return status();
	},

	status
};

Comlink.expose(api);
