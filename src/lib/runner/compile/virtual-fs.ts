/** Path arithmetic for the learner's virtual file system: root-relative paths, no leading slash. */

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.jsx', '/index.ts', '/index.js'];

export function normalizePath(path: string): string | null {
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join('/');
}

export function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

/** './lib/util' imported from 'hello.ts' → 'lib/util.ts' if that file exists. */
export function resolveRelative(files: Record<string, string>, importer: string, spec: string): string | null {
	const base = spec.startsWith('/') ? spec : `${dirname(importer)}/${spec}`;
	const path = normalizePath(base);
	if (path === null) return null;
	for (const ext of EXTENSIONS) {
		const candidate = path + ext;
		if (candidate in files) return candidate;
	}
	// TypeScript lets `./util.js` mean `./util.ts`
	const js = path.match(/^(.*)\.(m?js|jsx)$/);
	if (js) for (const ext of ['.ts', '.tsx', '.mts']) if (js[1] + ext in files) return js[1] + ext;
	return null;
}

export function loaderFor(path: string): 'ts' | 'tsx' | 'js' | 'jsx' | 'json' | 'text' {
	if (/\.m?ts$/.test(path)) return 'ts';
	if (path.endsWith('.tsx')) return 'tsx';
	if (/\.m?js$/.test(path)) return 'js';
	if (path.endsWith('.jsx')) return 'jsx';
	if (path.endsWith('.json')) return 'json';
	return 'text';
}
