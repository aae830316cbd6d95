// A run of a lesson step in Node, with the real pieces the browser uses: the compile core (esbuild's
// Node API), each service's runtime modules (tour/http, tour/tracing, opentracing …), the simulated
// network and the tracer. Only the workers are replaced: every service runs in this process, so the
// few things a worker keeps to itself — `console`, opentracing's global tracer, the active span when
// a request arrives — are kept apart here by hand. Spans are collected where the agent listens and
// turned into traces with recordsToTraces, the shape jaeger-query serves.
import * as esbuild from 'esbuild-wasm';
import * as opentracing from 'opentracing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, type EsbuildLike } from '$lib/runner/compile/compile';
import type { Diagnostic } from '$lib/runner/compile/types';
import { RUNTIME_GLOBAL } from '$lib/runner/compile/runtime-modules';
import { pickClients, servicesFrom } from '$lib/runner/services';
import { createServiceRuntime, type ServiceRuntime } from '$lib/runner/service/runtime';
import { createLiveness } from '$lib/runner/service/liveness';
import { formatArgs } from '$lib/runner/service/format';
import { createNetwork, isNetworkError, splitArgs } from '$lib/sim';
import { recordsToTraces } from '$lib/model';
import type { SpanRecord } from '$lib/model/types';
import { installAsyncContext } from '$lib/tracer';
import { contextSlot } from '$lib/tracer/context_slot';
import type { ConsoleLine, RunOutput } from '$lib/checks';

export const eb = esbuild as unknown as EsbuildLike;
const dir = mkdtempSync(join(tmpdir(), 'tour-lessons-'));
let uninstall: (() => void) | null = null;

export function setUpWorld(): void {
	uninstall = installAsyncContext(globalThis);
}

export function tearDownWorld(): void {
	uninstall?.();
	uninstall = null;
	rmSync(dir, { recursive: true, force: true });
}

export async function compileFiles(files: Record<string, string>, entries: string[]): Promise<Diagnostic[]> {
	const r = await compile(eb, { files, entries });
	return r.ok ? [] : r.diagnostics;
}

/** opentracing with its own global tracer, as each worker has its own copy of the module. */
function ownOpentracing() {
	let global: opentracing.Tracer = new opentracing.Tracer();
	const delegate = new Proxy(
		{},
		{
			get(_, key) {
				const v = (global as unknown as Record<PropertyKey, unknown>)[key];
				return typeof v === 'function' ? v.bind(global) : v;
			}
		}
	);
	return { ...opentracing, initGlobalTracer: (t: opentracing.Tracer) => void (global = t), globalTracer: () => delegate };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`${what}: still running after ${ms} ms`)), ms);
		p.then(
			(v) => (clearTimeout(t), resolve(v)),
			(e) => (clearTimeout(t), reject(e))
		);
	});
}

export interface WorldRun extends RunOutput {
	records: SpanRecord[];
}

/** Compiles and runs `files` as the step's services; returns what a check receives. */
export async function runWorld(files: Record<string, string>, services: Record<string, string>, argsLine: string): Promise<WorldRun> {
	const specs = servicesFrom(services);
	const compiled = await compile(eb, { files, entries: specs.map((s) => s.file) });
	if (!compiled.ok) throw new Error(`does not compile: ${compiled.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
	const consoleLines: ConsoleLine[] = [];
	const errors: string[] = [];
	const records: SpanRecord[] = [];
	const net = createNetwork();
	net.listen(
		'jaeger-agent',
		6831,
		(req) => {
			records.push(...(JSON.parse(req.body) as { spans: SpanRecord[] }).spans);
			return { status: 202, headers: {}, body: '' };
		},
		'backend'
	);
	for (const s of specs) net.addHost(s.name);
	const clients = new Set(pickClients(specs, (f) => compiled.bundles[f].exports).map((s) => s.file));
	const args = splitArgs(argsLine);

	interface Live {
		name: string;
		runtime: ServiceRuntime;
		liveness: ReturnType<typeof createLiveness>;
		mod: Record<string, unknown> | null;
		client: boolean;
		file: string;
	}
	const lives: Live[] = [];
	for (const spec of specs) {
		const client = clients.has(spec.file);
		const liveness = createLiveness({ setTimeout, clearTimeout, setInterval, clearInterval });
		const push = (stream: 'out' | 'err' | 'system', text: string) => consoleLines.push({ service: spec.name, stream: stream === 'err' ? 'err' : 'out', text });
		let runtime!: ServiceRuntime;
		runtime = createServiceRuntime({
			service: spec.name,
			args: client ? (args[0] === spec.name ? args.slice(1) : args) : [],
			host: {
				async send(req) {
					try {
						return { ok: true, response: await net.request(spec.name, req) };
					} catch (e) {
						if (isNetworkError(e)) return { ok: false, error: { code: e.code, hostname: e.hostname, port: e.port } };
						return { ok: false, error: { message: String(e) } };
					}
				},
				async listen(port) {
					net.listen(spec.name, port, (req) => {
						// a request arrives in another worker: no span of the caller is active there
						const saved = contextSlot.current;
						contextSlot.current = null;
						try {
							return runtime.handlers.get(port)!(req);
						} finally {
							contextSlot.current = saved;
						}
					});
					return { ok: true };
				},
				unlisten() {},
				output() {},
				error() {}
			},
			sink: { push, flush: async () => {}, dropped: () => 0 },
			liveness,
			maxSpans: 10_000,
			onHandlerError: (e) => errors.push(`${spec.name}: request handler: ${String(e)}`)
		});
		runtime.modules.opentracing = ownOpentracing();
		const own = `__lesson_console_${lives.length}`;
		(globalThis as Record<string, unknown>)[own] = {
			log: (...a: unknown[]) => push('out', formatArgs(a)),
			info: (...a: unknown[]) => push('out', formatArgs(a)),
			warn: (...a: unknown[]) => push('err', formatArgs(a)),
			error: (...a: unknown[]) => push('err', formatArgs(a))
		};
		const file = join(dir, `${spec.name}-${Math.random().toString(36).slice(2)}.mjs`);
		writeFileSync(file, `const console = globalThis.${own};\n${compiled.bundles[spec.file].code.replace(/\/\/# sourceMappingURL=.*$/m, '')}`);
		lives.push({ name: spec.name, runtime, liveness, mod: null, client, file });
	}

	const load = async (l: Live) => {
		(globalThis as Record<string, unknown>)[RUNTIME_GLOBAL] = l.runtime.modules;
		try {
			l.mod = await import(pathToFileURL(l.file).href);
			await Promise.all([...l.runtime.settling]);
		} catch (e) {
			errors.push(`${l.name}: ${String(e)}`);
		}
	};
	const work = (async () => {
		for (const l of lives.filter((x) => !x.client)) await load(l);
		for (const l of lives.filter((x) => x.client)) {
			await load(l);
			try {
				const main = l.mod?.main;
				if (typeof main === 'function') await main();
				await l.liveness.idle();
			} catch (e) {
				errors.push(`${l.name}: ${String(e)}`);
			}
		}
		await net.idle();
	})();
	await withTimeout(work, 5000, 'the run');
	await Promise.all(lives.flatMap((l) => l.runtime.tracers.map((t) => t.close())));
	await net.idle();
	return {
		records,
		traces: recordsToTraces(records),
		console: consoleLines,
		network: net.records().filter((r) => r.kind === 'service'),
		args,
		errors
	};
}
