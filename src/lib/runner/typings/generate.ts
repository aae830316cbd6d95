// Build time, Node only: the editor's typings for the runtime modules, generated from their source
// so they cannot drift from what the service workers provide. Each module's surface file
// (../surface/*.ts) is bundled into one .d.ts with every type it uses inlined; `opentracing` and the
// OpenTelemetry packages ship their own declarations, copied from the installed packages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateDtsBundle } from 'dts-bundle-generator';

/** module name → surface file, relative to src/lib/runner/surface */
export const SURFACES: Record<string, string> = {
	'tour/http': 'tour-http.ts',
	'tour/grpc': 'tour-grpc.ts',
	'tour/time': 'tour-time.ts',
	'tour/process': 'tour-process.ts',
	'tour/tracing': 'tour-tracing.ts',
	'tour/mysql': 'tour-mysql.ts',
	'tour/amqp': 'tour-amqp.ts',
	'tour/redis': 'tour-redis.ts'
};

/** OpenTelemetry packages learner code may import: their own declarations, from build/src. */
export const OTEL_PACKAGES = ['api', 'core', 'resources', 'sdk-trace', 'sdk-trace-base', 'shim-opentracing'] as const;

/**
 * '@opentelemetry/exporter-trace-otlp-http' is ours (it sends over the simulated network): its
 * declaration, with the real package's constructor options that apply here.
 */
const OTLP_EXPORTER_DTS = `import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
export interface OTLPExporterConfigBase {
  /** default http://jaeger-collector:4318/v1/traces */
  url?: string;
  headers?: Record<string, string>;
}
/** Sends spans as OTLP/HTTP JSON (Content-Type: application/json) over the course's simulated network. */
export declare class OTLPTraceExporter implements SpanExporter {
  constructor(config?: OTLPExporterConfigBase);
  readonly url: string;
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}
`;

/** Where Monaco's TypeScript finds a module: node_modules/<name>.d.ts resolves `import … from '<name>'`. */
export const typingsPath = (module: string) => `file:///node_modules/${module}.d.ts`;
export const GLOBALS_PATH = 'file:///node_modules/@types/tour-globals/index.d.ts';

/** Folders never copied: tests, examples, and OTel's Node-only platform code (it needs @types/node). */
const skipped = (dir: string, name: string) => name === 'test' || name === 'examples' || (name === 'node' && dir.endsWith('platform'));

function declarationFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return skipped(dir, name) ? [] : declarationFiles(full);
		return name.endsWith('.d.ts') ? [full] : [];
	});
}

/** path (file:///node_modules/…) → declaration text */
export function generateRuntimeTypings(root: string): Record<string, string> {
	const surface = join(root, 'src/lib/runner/surface');
	const modules = Object.entries(SURFACES);
	const entries = [...modules.map(([, file]) => join(surface, file)), join(surface, 'globals.ts')].map((filePath) => ({
		filePath,
		libraries: { importedLibraries: ['opentracing'] },
		output: { noBanner: true, exportReferencedTypes: false, inlineDeclareGlobals: true }
	}));
	const bundles = generateDtsBundle(entries, { preferredConfigPath: join(surface, 'tsconfig.json') });

	const out: Record<string, string> = {};
	modules.forEach(([name], i) => (out[typingsPath(name)] = bundles[i]));
	out[GLOBALS_PATH] = bundles[modules.length];
	// learners may import the tracing module by its real-world name
	out[typingsPath('jaeger-client')] = `export * from 'tour/tracing';\n`;

	const opentracing = join(root, 'node_modules/opentracing');
	for (const file of declarationFiles(join(opentracing, 'lib'))) {
		out[`file:///node_modules/opentracing/${relative(opentracing, file).split('\\').join('/')}`] = readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
	}
	out['file:///node_modules/opentracing/index.d.ts'] = `export * from './lib/index';\n`;

	for (const name of OTEL_PACKAGES) {
		const dir = join(root, 'node_modules/@opentelemetry', name);
		const types = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types: string }).types.replace(/^\.\//, '');
		for (const file of declarationFiles(join(dir, 'build/src'))) {
			let text = readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
			// the worker is bundled for the browser: its platform is the package's browser build
			if (file.endsWith(join('platform', 'index.d.ts'))) text = text.replace("from './node'", "from './browser'");
			out[`file:///node_modules/@opentelemetry/${name}/${relative(dir, file).split('\\').join('/')}`] = text;
		}
		// `export *` skips a default export: the API has one (`import api from '@opentelemetry/api'`)
		const entry = `./${name}/${types.replace(/\.d\.ts$/, '')}`;
		out[typingsPath(`@opentelemetry/${name}`)] = `export * from '${entry}';\n` + (name === 'api' ? `export { default } from '${entry}';\n` : '');
	}
	out[typingsPath('@opentelemetry/exporter-trace-otlp-http')] = OTLP_EXPORTER_DTS;
	return out;
}
