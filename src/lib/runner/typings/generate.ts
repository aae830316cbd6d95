// Build time, Node only: the editor's typings for the runtime modules, generated from their source
// so they cannot drift from what the service workers provide. Each module's surface file
// (../surface/*.ts) is bundled into one .d.ts with every type it uses inlined; `opentracing` ships
// its own declarations, copied from the installed package.
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
	'tour/amqp': 'tour-amqp.ts'
};

/** Where Monaco's TypeScript finds a module: node_modules/<name>.d.ts resolves `import … from '<name>'`. */
export const typingsPath = (module: string) => `file:///node_modules/${module}.d.ts`;
export const GLOBALS_PATH = 'file:///node_modules/@types/tour-globals/index.d.ts';

function declarationFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return name === 'test' || name === 'examples' ? [] : declarationFiles(full);
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
	return out;
}
