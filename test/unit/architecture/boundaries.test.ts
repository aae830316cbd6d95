// Each part of src/lib talks to another only through that part's front doors, so a part can change
// its insides without breaking its neighbours, and Node code never drags in components:
//   index.ts   the core contract (pure TypeScript, usable in Node)
//   ui.ts      the browser side: components and the state a page holds
//   server.ts  build-time loading (Node only), sw.ts what the service worker imports
// and, for a chunk loaded on demand, a component in the part's ui/ folder by dynamic import().
// Pages (src/routes, src/*.ts) use the same doors, and lesson checks use $lib/checks alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LIB = join(ROOT, 'src/lib');
const DOORS = new Set(['index.ts', 'ui.ts', 'server.ts', 'sw.ts']);

function files(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) files(path, out);
		else if (/\.(ts|js|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
	}
	return out;
}

/** Module specifiers a file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
	const found: string[] = [];
	for (const m of source.matchAll(/(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
		found.push(m[1] ?? m[2] ?? m[3]);
	}
	return found;
}

/** The file a specifier points at inside src/lib, as "part/rest", or null when it is outside src/lib. */
function target(from: string, spec: string): string | null {
	let abs: string;
	if (spec.startsWith('$lib/')) abs = join(LIB, spec.slice(5));
	else if (spec === '$lib') abs = LIB;
	else if (spec.startsWith('.')) abs = resolve(dirname(from), spec);
	else return null;
	const rel = relative(LIB, abs);
	if (rel.startsWith('..')) return null;
	return rel;
}

function partOf(file: string): string | null {
	const rel = relative(LIB, file);
	return rel.startsWith('..') ? null : rel.split('/')[0];
}

/** Is `rel` ("part", "part/ui", "part/index.ts" …) one of its part's doors? */
function isDoor(rel: string): boolean {
	const [, ...rest] = rel.split('/');
	if (rest.length === 0) return true; // "$lib/part" → index.ts
	if (rest.length > 1) return false;
	const name = rest[0].replace(/\.(ts|js)$/, '');
	return DOORS.has(`${name}.ts`);
}

export function violations(): string[] {
	const found: string[] = [];
	const sources = [...files(join(ROOT, 'src'))];
	for (const file of sources) {
		const own = partOf(file);
		const source = readFileSync(file, 'utf8');
		const lazy = new Set([...source.matchAll(/import\(\s*['"]([^'"]+\/ui\/[^'"/]+\.svelte)['"]\s*\)/g)].map((m) => m[1]));
		for (const spec of importsOf(source)) {
			if (lazy.has(spec)) continue;
			const rel = target(file, spec);
			if (rel === null) continue;
			const part = rel.split('/')[0];
			if (part === own) continue;
			if (!isDoor(rel)) found.push(`${relative(ROOT, file)} imports ${spec}`);
		}
	}
	for (const file of files(join(ROOT, 'lessons')).filter((f) => f.endsWith('check.ts') || f.endsWith('shape.ts'))) {
		for (const spec of importsOf(readFileSync(file, 'utf8'))) {
			if (spec.startsWith('$lib') && spec !== '$lib/checks') found.push(`${relative(ROOT, file)} imports ${spec}`);
		}
	}
	return found;
}

describe('the parts of src/lib', () => {
	it('reach each other only through their doors (index, ui, server, sw)', () => {
		expect(violations()).toEqual([]);
	});

	it('the rule itself notices an inner import', () => {
		expect(importsOf(`import { x } from '../sim/types';\nimport y from '$lib/model/convert/jaeger';\nconst z = await import('$lib/runner/ui');`)).toEqual([
			'../sim/types',
			'$lib/model/convert/jaeger',
			'$lib/runner/ui'
		]);
		expect(isDoor('sim/types.ts')).toBe(false);
		expect(isDoor('runner/ui')).toBe(true);
		expect(isDoor('runner')).toBe(true);
		expect(isDoor('model/convert/jaeger')).toBe(false);
	});
});
