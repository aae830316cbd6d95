// One learner service, in a worker the sandbox frame spawned (a classic worker from a blob URL, in
// the frame's opaque origin, under its CSP: no network, no storage, no site). Its only link to the
// page is the MessagePort the frame hands it first; it speaks protocol.ts over it. The learner's
// code shares this realm, so nothing here is trusted by the page: the page checks every message.
// A fresh worker per run: the async-context patches, opentracing's global tracer and every timer
// start clean. What a service does is service-api.ts, the same code the Node lesson tests run.
import { installAsyncContext } from '$lib/tracer';
import { RUNTIME_GLOBAL } from '../compile/runtime-modules';
import type { ConsoleSink } from '../service/console-sink';
import { formatArgs } from '../service/format';
import { createLiveness } from '../service/liveness';
import type { HostApi } from '../service/protocol';
import type { ServiceErrorKind } from '../world/types';
import { createServiceApi } from '../service/service-api';
import { PROTOCOL_VERSION, type CallMessage, type FromService, type HostReturnMessage } from './protocol';
import { afterBurst, createOutbox } from './outbox';

installAsyncContext(globalThis);

function captureConsole(s: ConsoleSink) {
	const c = globalThis.console as unknown as Record<string, (...a: unknown[]) => void>;
	for (const m of ['log', 'info', 'debug', 'trace']) c[m] = (...a) => s.push('out', formatArgs(a));
	for (const m of ['warn', 'error']) c[m] = (...a) => s.push('err', formatArgs(a));
}

const { api, report } = createServiceApi({
	// after the patch: learner timers carry the active span like every other callback
	// bound: a browser's own timer functions throw "Illegal invocation" when called as another object's methods
	liveness: createLiveness({
		setTimeout: globalThis.setTimeout.bind(globalThis),
		clearTimeout: globalThis.clearTimeout.bind(globalThis),
		setInterval: globalThis.setInterval.bind(globalThis),
		clearInterval: globalThis.clearInterval.bind(globalThis)
	}),
	later: (fn) => void globalThis.setTimeout(fn, 0),
	provide(modules, sink) {
		captureConsole(sink);
		(globalThis as Record<string, unknown>)[RUNTIME_GLOBAL] = modules;
	},
	bundleUrl: (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
	load: async (url) => (await import(/* @vite-ignore */ url)) as Record<string, unknown>,
	// process.exit: the exit message has left (host.exit); no timer, message or request of the
	// learner's is run after this task, and the page stops the worker when it hears the exit
	stopRealm: () => self.close()
});

let port: MessagePort | null = null;
const waiting = new Map<number, (value: never) => void>();
let nextId = 0;

// what the service says leaves a burst at a time, together (protocol.ts: batches)
const outbox = createOutbox<FromService>((msg) => {
	// a batch that cannot be cloned throws: the outbox sends its messages one by one, here
	if (msg.t === 'batch') return port?.postMessage(msg);
	try {
		port?.postMessage(msg);
	} catch (e) {
		// something the learner handed us that cannot be cloned: say so instead of going silent
		if (msg.t === 'ret') port?.postMessage({ v: PROTOCOL_VERSION, t: 'ret', id: msg.id, ok: false, error: String((e as Error)?.message ?? e) });
	}
}, afterBurst);

function post(msg: FromService) {
	outbox.post(msg);
}

function postNow(msg: FromService) {
	outbox.post(msg);
	outbox.flush();
}

function ask<T>(msg: { m: 'send' | 'listen'; a: [never] }): Promise<T> {
	const id = ++nextId;
	return new Promise<T>((resolve) => {
		waiting.set(id, resolve as (v: never) => void);
		post({ v: PROTOCOL_VERSION, t: 'host', id, ...msg } as FromService);
	});
}

const host: HostApi = {
	send: (req) => ask({ m: 'send', a: [req as never] }),
	listen: (p) => ask({ m: 'listen', a: [p as never] }),
	unlisten: (p) => post({ v: PROTOCOL_VERSION, t: 'host', m: 'unlisten', a: [p] }),
	// Console lines and errors leave now, with what is queued before them (order kept): a line printed
	// just before a synchronous infinite loop must still reach the page — the outbox's microtasks never
	// run in a loop. The console sink already sends at most a few of these per frame.
	output: (lines) => postNow({ v: PROTOCOL_VERSION, t: 'host', m: 'output', a: [lines] }),
	// only report() calls this here, with where its own code failed
	error: (err, where) => postNow({ v: PROTOCOL_VERSION, t: 'host', m: 'error', a: [err, where as ServiceErrorKind] }),
	// process.exit: leaves now, behind everything the service sent before it (lines, requests, span packets)
	exit: (status) => postNow({ v: PROTOCOL_VERSION, t: 'host', m: 'exit', a: [status] })
};

function dispatch(msg: CallMessage): unknown {
	switch (msg.m) {
		case 'ping':
		case 'status':
			// answered a task later: answers that came in the same message resume the service's code in
			// microtasks; it acts on them (and what it sends leaves) before the world hears it is quiet
			return new Promise((resolve) => void globalThis.setTimeout(() => resolve(msg.m === 'ping' ? api.ping() : api.status()), 0));
		case 'start':
			return api.start(msg.a[0], host);
		case 'main':
			return api.main();
		case 'handle':
			return api.handle(msg.a[0], msg.a[1]);
		case 'shutdown':
			return api.shutdown();
	}
}

function onMessage(ev: MessageEvent) {
	const data = ev.data as CallMessage | HostReturnMessage | { v: 1; t: 'batch'; m: (CallMessage | HostReturnMessage)[] };
	if (data?.v !== PROTOCOL_VERSION) return;
	if (data.t === 'batch') for (const msg of data.m) void receive(msg);
	else void receive(data);
}

async function receive(msg: CallMessage | HostReturnMessage) {
	if (msg?.v !== PROTOCOL_VERSION) return;
	if (msg.t === 'hostret') {
		waiting.get(msg.id)?.(msg.value as never);
		waiting.delete(msg.id);
		return;
	}
	if (msg.t !== 'call') return;
	try {
		post({ v: PROTOCOL_VERSION, t: 'ret', id: msg.id, ok: true, value: await dispatch(msg) });
	} catch (e) {
		post({ v: PROTOCOL_VERSION, t: 'ret', id: msg.id, ok: false, error: String((e as Error)?.message ?? e) });
	}
}

// the frame's first message carries our end of the port; nothing else comes on this channel
self.addEventListener('message', (ev) => {
	if (port || !ev.ports[0]) return;
	port = ev.ports[0];
	port.onmessage = onMessage;
});

self.addEventListener('error', (ev) => {
	ev.preventDefault();
	report(ev.error ?? ev.message, 'uncaught exception');
});
self.addEventListener('unhandledrejection', (ev) => {
	ev.preventDefault();
	report(ev.reason, 'unhandled promise rejection');
});
