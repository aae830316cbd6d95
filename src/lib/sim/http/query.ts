/**
 * Query parameters that read both ways learners expect: like a record (`query.helloTo`, as Express
 * gives it) and like URLSearchParams (`query.get('helloTo')`). The methods are not enumerable, so
 * `Object.keys(query)` and JSON show only the parameters.
 */
export type QueryParams = Record<string, string> & {
	get(name: string): string | null;
	getAll(name: string): string[];
	has(name: string): boolean;
	entries(): [string, string][];
	toString(): string;
};

export function queryParams(search: string): QueryParams {
	const params = new URLSearchParams(search);
	const q = {} as Record<string, string>;
	for (const [k, v] of params) if (!(k in q)) q[k] = v;
	const methods = {
		get: (name: string) => params.get(name),
		getAll: (name: string) => params.getAll(name),
		has: (name: string) => params.has(name),
		entries: () => [...params.entries()],
		toString: () => params.toString()
	};
	for (const [name, fn] of Object.entries(methods)) {
		Object.defineProperty(q, name, { value: fn, enumerable: false });
	}
	return q as QueryParams;
}
