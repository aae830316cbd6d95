// The editor's typings are generated from the runtime's source; this proves they describe exactly
// what a service gets: each module's value exports are the keys of the object the runtime builds.
import { describe, it, expect } from 'vitest';
import ts from 'typescript';
import { resolve } from 'node:path';
import { generateRuntimeTypings, typingsPath, GLOBALS_PATH } from '../../../src/lib/runner/typings/generate';
import { createGrpcModule, createHttpModule, createTimeModule, createProcessModule, createMysqlModule, createAmqpModule, createRedisModule } from '../../../src/lib/sim';
import { createTracingModule } from '../../../src/lib/runner/service/tracing-module';
import { createSpanBudget } from '../../../src/lib/runner/service/span-budget';
import { createOtelRuntime } from '../../../src/lib/runner/service/otel/otel-runtime';

const typings = generateRuntimeTypings(resolve(import.meta.dirname, '../../..'));

/** Names a module's .d.ts exports as values (functions, consts, classes), via the type checker. */
function valueExports(module: string): string[] {
	const files = new Map(Object.entries(typings).map(([k, v]) => [k.replace('file:///', '/'), v]));
	const entry = typingsPath(module).replace('file:///', '/');
	const options: ts.CompilerOptions = { noEmit: true, lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts', 'lib.esnext.disposable.d.ts'], types: [], moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
	const host = ts.createCompilerHost(options);
	const base = { readFile: host.readFile.bind(host), fileExists: host.fileExists.bind(host) };
	host.readFile = (f) => files.get(f) ?? base.readFile(f);
	host.fileExists = (f) => files.has(f) || base.fileExists(f);
	host.directoryExists = (d) => [...files.keys()].some((k) => k.startsWith(d + '/')) || ts.sys.directoryExists(d);
	host.getSourceFile = (f, lang) => {
		const text = files.get(f) ?? base.readFile(f);
		return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
	};
	const program = ts.createProgram([entry], options, host);
	const checker = program.getTypeChecker();
	const symbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
	return checker
		.getExportsOfModule(symbol)
		.filter((s) => {
			// `export type { ContextAPI }` names a class but exports no value (the OTel API does this)
			const spec = s.declarations?.find(ts.isExportSpecifier);
			if (spec && (spec.isTypeOnly || spec.parent.parent.isTypeOnly)) return false;
			const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
			return (target.flags & ts.SymbolFlags.Value) !== 0;
		})
		.map((s) => s.name)
		.sort();
}

const host = { service: 'hello', send: async () => ({ status: 200, headers: {}, body: '' }), listen() {}, close() {}, handlerError() {}, setTimeout: () => 0, clearTimeout() {}, ephemeralPort: () => 32768 };
const tracing = createTracingModule({
	post: async () => 202,
	fetch: async () => ({ ok: true, status: 200, text: async () => '{}' }),
	logger: { info() {}, error() {} },
	onTracer() {},
	budget: createSpanBudget(10, () => {})
});
const otel = createOtelRuntime({ service: 'hello', send: host.send, budget: createSpanBudget(10, () => {}), onError() {} });
const runtime: Record<string, object> = {
	...(otel.modules as Record<string, object>),
	'tour/http': createHttpModule(host),
	'tour/grpc': createGrpcModule(host),
	'tour/time': createTimeModule(setTimeout),
	'tour/process': createProcessModule('hello', ['Bryan']),
	'tour/tracing': tracing.module,
	'tour/mysql': createMysqlModule({ service: 'customer', send: host.send }),
	'tour/amqp': createAmqpModule(host),
	'tour/redis': createRedisModule(host)
};

describe('generated runtime typings', () => {
	it.each(Object.keys(runtime))('%s declares exactly the values the runtime module has', (name) => {
		expect(valueExports(name)).toEqual(Object.keys(runtime[name]).sort());
	});

	it('declare process as a global and re-export tour/tracing as jaeger-client', () => {
		expect(typings[GLOBALS_PATH]).toMatch(/var process: TourProcess/);
		// `never`: code after process.exit() is unreachable to the type checker, as after Node's
		expect(typings[typingsPath('tour/process')]).toMatch(/function exit\(code\?: number \| string \| null\): never/);
		expect(typings[typingsPath('jaeger-client')]).toContain("from 'tour/tracing'");
		expect(typings['file:///node_modules/opentracing/lib/tracer.d.ts']).toContain('class Tracer');
		expect(typings['file:///node_modules/@opentelemetry/shim-opentracing/build/src/shim.d.ts']).toContain('class TracerShim');
	});
});
