// Route tables for `serve(port, routes, ...middleware)`: 'GET /customer/:id' → handler. Patterns are
// split on '/' and compared segment by segment; no regular expression is built from learner strings.

/** A compiled route: its method (null: any), its path pattern and its segments. */
export interface Route<H> {
	method: string | null;
	/** '/customer/:id', what `req.route` says */
	path: string;
	segments: string[];
	handler: H;
}

export type RouteMatch<H> =
	| { kind: 'found'; route: Route<H>; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allow: string[] }
	| { kind: 'not-found' };

const METHOD = /^[A-Z]+$/;
const PARAM = /^:[A-Za-z_][A-Za-z0-9_]*$/;

const segmentsOf = (path: string) => {
	const s = path.split('/').slice(1);
	// '/dispatch/' matches '/dispatch', as Express routes do by default
	if (s.length > 1 && s[s.length - 1] === '') s.pop();
	return s;
};

/** `{ 'GET /customer/:id': h, '/dispatch': h }` → routes; a bad key throws a TypeError naming it. */
export function compileRoutes<H>(table: Record<string, H>, isHandler: (h: unknown) => boolean): Route<H>[] {
	const routes: Route<H>[] = [];
	for (const [key, handler] of Object.entries(table)) {
		const space = key.indexOf(' ');
		const method = space < 0 ? null : key.slice(0, space).toUpperCase();
		const path = space < 0 ? key : key.slice(space + 1).trim();
		if (method !== null && !METHOD.test(method)) throw new TypeError(`serve: route '${key}': '${method}' is not an HTTP method`);
		if (!path.startsWith('/')) throw new TypeError(`serve: route '${key}': the path must start with '/'`);
		const segments = segmentsOf(path);
		const names = new Set<string>();
		for (const s of segments) {
			if (!s.startsWith(':')) continue;
			if (!PARAM.test(s) || s === ':__proto__') throw new TypeError(`serve: route '${key}': '${s}' is not a parameter name (use :name)`);
			if (names.has(s)) throw new TypeError(`serve: route '${key}': '${s}' appears twice`);
			names.add(s);
		}
		if (!isHandler(handler)) throw new TypeError(`serve: route '${key}': the handler must be a function`);
		routes.push({ method, path, segments, handler });
	}
	return routes;
}

function matchPath(segments: string[], actual: string[]): Record<string, string> | null {
	if (segments.length !== actual.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const want = segments[i];
		if (want.startsWith(':')) {
			if (actual[i] === '') return null;
			let value = actual[i];
			try {
				value = decodeURIComponent(value);
			} catch {
				// a malformed escape stays as sent
			}
			params[want.slice(1)] = value;
		} else if (want !== actual[i]) return null;
	}
	return params;
}

/** The first route whose path and method match; or why none does (404, or 405 with the methods allowed). */
export function matchRoute<H>(routes: Route<H>[], method: string, path: string): RouteMatch<H> {
	const actual = segmentsOf(path);
	const allow: string[] = [];
	for (const route of routes) {
		const params = matchPath(route.segments, actual);
		if (params === null) continue;
		if (route.method === null || route.method === method || (method === 'HEAD' && route.method === 'GET')) {
			return { kind: 'found', route, params };
		}
		if (!allow.includes(route.method)) allow.push(route.method);
	}
	return allow.length ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}
