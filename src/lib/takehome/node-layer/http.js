// `tour/http` on Node: serve(port, handler | routes, ...middleware) on a real http server, and fetch
// (Node's own) with the world's host names pointed at this machine. Handlers get the same request
// object as in the browser (query readable as a record and like URLSearchParams, lower-case headers,
// body text, json()) and may return a string, { status, headers, body } or nothing.
import { createServer } from 'node:http';
import { held } from './lifecycle.js';
import { localUrl } from './hosts.js';

function queryParams(search) {
	const params = new URLSearchParams(search);
	const q = {};
	for (const [k, v] of params) if (!(k in q)) q[k] = v;
	const methods = {
		get: (n) => params.get(n),
		getAll: (n) => params.getAll(n),
		has: (n) => params.has(n),
		entries: () => [...params.entries()],
		toString: () => params.toString()
	};
	for (const [name, fn] of Object.entries(methods)) Object.defineProperty(q, name, { value: fn, enumerable: false });
	return q;
}

const segmentsOf = (path) => {
	const s = path.split('/').slice(1);
	if (s.length > 1 && s[s.length - 1] === '') s.pop();
	return s;
};

function compileRoutes(table) {
	return Object.entries(table).map(([key, handler]) => {
		const space = key.indexOf(' ');
		const method = space < 0 ? null : key.slice(0, space).toUpperCase();
		const path = space < 0 ? key : key.slice(space + 1).trim();
		if (typeof handler !== 'function') throw new TypeError(`serve: route '${key}': the handler must be a function`);
		return { method, path, segments: segmentsOf(path), handler };
	});
}

function matchRoute(routes, method, path) {
	const actual = segmentsOf(path);
	const allow = [];
	for (const r of routes) {
		if (r.segments.length !== actual.length) continue;
		const params = {};
		let ok = true;
		for (let i = 0; i < actual.length && ok; i++) {
			if (r.segments[i].startsWith(':')) {
				if (actual[i] === '') ok = false;
				else params[r.segments[i].slice(1)] = decodeURIComponent(actual[i]);
			} else ok = r.segments[i] === actual[i];
		}
		if (!ok) continue;
		if (r.method === null || r.method === method) return { route: r, params };
		allow.push(r.method);
	}
	return allow.length ? { allow } : null;
}

function send(res, result) {
	if (result === undefined || result === null) return res.writeHead(204).end();
	if (typeof result !== 'object') return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(String(result));
	const headers = {};
	for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
	let body = '';
	if (typeof result.body === 'string') body = result.body;
	else if (result.body !== undefined && result.body !== null) {
		body = JSON.stringify(result.body);
		headers['content-type'] ??= 'application/json';
	}
	if (body && !headers['content-type']) headers['content-type'] = 'text/plain; charset=utf-8';
	res.writeHead(result.status ?? 200, headers).end(body);
}

export function serve(port, target, ...middleware) {
	if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new RangeError(`serve: port should be an integer 1–65535, got ${String(port)}`);
	const wrap = (h) => middleware.reduceRight((inner, m) => m(inner), h);
	const routes = typeof target === 'function' ? null : compileRoutes(target).map((r) => ({ ...r, handler: wrap(r.handler) }));
	const single = typeof target === 'function' ? wrap(target) : null;
	const server = createServer(async (req, res) => {
		const chunks = [];
		for await (const c of req) chunks.push(c);
		const body = Buffer.concat(chunks).toString('utf8');
		const url = `http://${req.headers.host ?? `localhost:${port}`}${req.url}`;
		const u = new URL(url);
		let handler = single;
		let route = u.pathname;
		let params = {};
		if (routes) {
			const m = matchRoute(routes, req.method, u.pathname);
			if (!m) return res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
			if (m.allow) return res.writeHead(405, { allow: m.allow.join(', ') }).end('Method Not Allowed');
			handler = m.route.handler;
			route = m.route.path;
			params = m.params;
		}
		const request = { method: req.method, url, path: u.pathname, route, params, query: queryParams(u.search), headers: { ...req.headers }, body, json: () => JSON.parse(body) };
		try {
			send(res, await handler(request));
		} catch (e) {
			// as Express answers an uncaught error; the error is printed like the browser's Console does
			console.error(`Request handler: ${e?.stack ?? e}`);
			res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
		}
	});
	held.servers.add(server);
	held.listening.push(
		new Promise((resolve, reject) => {
			server.once('listening', resolve);
			server.once('error', reject);
		})
	);
	server.listen(port);
	return { port, close: () => (server.close(), held.servers.delete(server)) };
}

/** Node's fetch; a body that is an object goes out as JSON, as in the browser. */
export async function fetch(url, init = {}) {
	const headers = { ...(init.headers ?? {}) };
	let body = init.body;
	if (body !== undefined && body !== null && typeof body !== 'string') {
		body = JSON.stringify(body);
		if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
	}
	return globalThis.fetch(localUrl(url), { ...init, headers, body });
}
