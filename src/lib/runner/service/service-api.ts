// One learner service's ServiceApi: what the sandbox's worker (sandbox/worker.ts) serves, kept out of the
// worker file (like the backend's worker-api.ts) so the Node lesson tests run the very same code
// in-process. What differs between a worker and a Node process comes in through ServiceEnv.
import { SourceMap } from '../sourcemap/source-map';
import { mapError } from '../sourcemap/stack';
import { LEARNER_NS } from '../compile/plugin';
import { createConsoleSink, type ConsoleSink } from './console-sink';
import type { Liveness } from './liveness';
import type { ServiceErrorKind } from '../world/types';
import { createServiceRuntime, type ServiceRuntime } from './runtime';
import type { HostApi, Outcome, ServiceApi, ServiceStatus, StartOptions } from './protocol';
import { ProcessExit } from './process-exit';

export interface ServiceEnv {
	/** the learner's timers and requests, on the realm's timers (patched for the async context) */
	liveness: Liveness;
	/** runs `fn` on a later macrotask: a burst of console lines goes out then */
	later(fn: () => void): void;
	/** before the bundle loads: where it reads its runtime modules, and its console into `sink` */
	provide(modules: Record<string, unknown>, sink: ConsoleSink): void;
	/** a URL the bundle can be imported from; stack frames name it, so errors map to learner lines */
	bundleUrl(code: string): string;
	/** imports the bundle: its top level runs */
	load(url: string): Promise<Record<string, unknown>>;
	/** after process.exit: run nothing more of the learner's (a worker closes itself; its timers go) */
	stopRealm(): void;
}

export interface ServiceInstance {
	api: ServiceApi;
	/** an error the learner did not catch (the realm's `error` / `unhandledrejection`), to the world */
	report(e: unknown, where: ServiceErrorKind): void;
}

/** an answer that never comes: after process.exit the service answers nothing */
const untilEver = () => new Promise<never>(() => {});

export function createServiceApi(env: ServiceEnv): ServiceInstance {
	const { liveness } = env;
	let host: HostApi | null = null;
	let sink: ConsoleSink | null = null;
	let runtime: ServiceRuntime | null = null;
	let mod: Record<string, unknown> | null = null;
	let bundleUrl = '';
	let map: SourceMap | null = null;
	/** process.exit was called: from then on the service says nothing (Node's process is gone) */
	let exited = false;

	function report(e: unknown, where: ServiceErrorKind) {
		if (exited || e instanceof ProcessExit) return;
		const mapped = mapError(e, bundleUrl, map);
		// flush first: lines printed before the error must arrive before it (same port, in order)
		void sink?.flush();
		void host?.error(mapped, where);
	}

	/**
	 * process.exit(status): what was printed goes first (same port, in order), then the exit; the
	 * world stops the service without closing its tracers, so spans still buffered are lost, as in
	 * Node. The throw keeps the rest of the caller's code from running.
	 */
	function exit(status: number): never {
		if (!exited && host) {
			void sink?.flush();
			exited = true;
			host.exit(status);
			env.stopRealm();
		}
		throw new ProcessExit(status);
	}

	/** The host as the service's code reaches it: silent once the program has exited. */
	function untilExit(h: HostApi): HostApi {
		const never = () => new Promise<never>(() => {});
		return {
			send: (req) => (exited ? never() : h.send(req)),
			listen: (port) => (exited ? never() : h.listen(port)),
			unlisten: (port) => void (exited || h.unlisten(port)),
			output: (lines) => void (exited || h.output(lines)),
			error: (err, where) => void (exited || h.error(err, where)),
			exit: (status) => h.exit(status)
		};
	}

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
			const live = untilExit(h);
			const s = createConsoleSink((lines) => live.output(lines), { maxLines: opts.maxConsoleLines, schedule: env.later });
			sink = s;
			runtime = createServiceRuntime({
				service: opts.service,
				args: opts.args,
				host: live,
				sink: s,
				liveness,
				maxSpans: opts.maxSpans,
				onHandlerError: (e) => report(e, 'request handler'),
				exit
			});
			env.provide(runtime.modules, s);
			map = SourceMap.fromInline(opts.code, `${LEARNER_NS}:`);
			bundleUrl = env.bundleUrl(opts.code);
			try {
				mod = await env.load(bundleUrl);
			} catch (e) {
				if (exited) return untilEver();
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
			// the world stopped the service at its exit: no answer is waited for
			if (exited) return untilEver();
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
			await runtime?.spansDelivered();
			await runtime?.otel.flush();
			const dropped = sink?.dropped() ?? 0;
			if (dropped > 0) sink?.push('system', `${dropped} more console lines were not shown`);
			await sink?.flush();
			return status();
		},

		status
	};

	return { api, report };
}
