// The page's checks on what a sandboxed service sends. The sandbox runs untrusted code, so every
// field is checked for type, size and count before the world acts on it; a message that fails is
// refused with a reason (the world then stops that service). Nothing is looked up by a name the
// sandbox chose: methods are matched against fixed lists.
import type { SimRequest, SimResponse } from '$lib/sim';
import type { MappedError } from '../sourcemap/stack';
import type { Outcome, ServiceStatus, Stream, WorkerLine } from '../service/protocol';
import { SERVICE_ERROR_KINDS, type ServiceErrorKind } from '../world/types';
import { PROTOCOL_VERSION, WIRE_LIMITS as L, messageChars, type CallResults, type FromService, type ServiceMethod } from './protocol';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

class Refused extends Error {}
const refuse = (reason: string): never => {
	throw new Refused(reason);
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Record<string, unknown>, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

function str(x: unknown, what: string, max: number): string {
	if (typeof x !== 'string') return refuse(`${what} is not a string`);
	if (x.length > max) return refuse(`${what} is longer than ${max} characters`);
	return x;
}

/** Text shown to the learner: cut rather than refused, so a long line still shows. */
function text(x: unknown, what: string, max: number): string {
	if (typeof x !== 'string') return refuse(`${what} is not a string`);
	return x.length > max ? `${x.slice(0, max)}… (cut at ${max} characters)` : x;
}

function int(x: unknown, what: string, min: number, max: number): number {
	if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) return refuse(`${what} is not a whole number from ${min} to ${max}`);
	return x;
}

const intOrNull = (x: unknown, what: string) => (x === null ? null : int(x, what, 0, 1e9));

function headers(x: unknown): Record<string, string> {
	if (!isRecord(x)) return refuse('headers are not an object');
	const keys = Object.keys(x);
	if (keys.length > L.maxHeaders) refuse(`more than ${L.maxHeaders} headers`);
	// a fresh object without a prototype: a header named __proto__ stays a header
	const out: Record<string, string> = Object.create(null);
	for (const k of keys) {
		str(k, 'a header name', L.maxHeaderName);
		out[k] = str(x[k], `header '${k.slice(0, 40)}'`, L.maxHeaderValue);
	}
	return { ...out };
}

/**
 * What a method may look like, by the URL's scheme: an HTTP method (gRPC included), an AMQP method
 * (`basic.publish`), a Redis command (`LPUSH`), the database's QUERY. The hosts check the exact
 * names; this keeps anything else (spaces, control characters, long strings) off the page.
 */
function methodFits(method: string, url: string): boolean {
	const scheme = /^([a-z]+):/i.exec(url)?.[1]?.toLowerCase();
	if (scheme === 'amqp') return /^[a-z]{1,12}\.[a-z-]{1,16}$/.test(method);
	if (scheme === 'redis') return /^[A-Z]{1,20}$/.test(method);
	if (scheme === 'mysql') return method === 'QUERY';
	return /^[A-Z]{1,16}$/.test(method);
}

export function checkRequest(x: unknown): SimRequest {
	if (!isRecord(x)) return refuse('a request is not an object');
	const method = str(own(x, 'method'), 'the method', 32);
	const url = str(own(x, 'url'), 'the URL', L.maxUrl);
	if (!methodFits(method, url)) refuse(`the method does not fit the URL's protocol`);
	return { method, url, headers: headers(own(x, 'headers')), body: str(own(x, 'body'), 'the body', L.maxBody) };
}

export function checkResponse(x: unknown): SimResponse {
	if (!isRecord(x)) return refuse('a response is not an object');
	return { status: int(own(x, 'status'), 'the status', 100, 599), headers: headers(own(x, 'headers')), body: str(own(x, 'body'), 'the body', L.maxBody) };
}

export function checkError(x: unknown): MappedError {
	if (!isRecord(x)) return refuse('an error is not an object');
	return {
		name: text(own(x, 'name'), "the error's name", 200),
		message: text(own(x, 'message'), "the error's message", L.maxErrorText),
		stack: text(own(x, 'stack'), "the error's stack", L.maxErrorText),
		file: own(x, 'file') === null ? null : str(own(x, 'file'), "the error's file", 1000),
		line: intOrNull(own(x, 'line'), "the error's line"),
		column: intOrNull(own(x, 'column'), "the error's column")
	};
}

const STREAMS: readonly Stream[] = ['out', 'err', 'system'];

function serviceErrorKind(x: unknown): ServiceErrorKind {
	return SERVICE_ERROR_KINDS.includes(x as ServiceErrorKind) ? (x as ServiceErrorKind) : refuse('an error of no known kind');
}

export function checkLines(x: unknown): WorkerLine[] {
	if (!Array.isArray(x)) return refuse('console lines are not a list');
	if (x.length > L.maxLinesPerMessage) refuse(`more than ${L.maxLinesPerMessage} console lines in one message`);
	return x.map((l) => {
		if (!isRecord(l)) return refuse('a console line is not an object');
		const stream = own(l, 'stream');
		if (!STREAMS.includes(stream as Stream)) refuse('a console line has no known stream');
		return { stream: stream as Stream, text: text(own(l, 'text'), 'a console line', L.maxLineText) };
	});
}

function outcome(x: unknown): Outcome {
	if (!isRecord(x)) return refuse('an outcome is not an object');
	if (own(x, 'ok') === true) return { ok: true };
	if (own(x, 'ok') === false) return { ok: false, error: checkError(own(x, 'error')) };
	return refuse('an outcome is neither ok nor failed');
}

function status(x: unknown): ServiceStatus {
	if (!isRecord(x)) return refuse('a status is not an object');
	const n = (k: string) => int(own(x, k), k, 0, Number.MAX_SAFE_INTEGER);
	return { pendingTimers: n('pendingTimers'), pendingRequests: n('pendingRequests'), spansReported: n('spansReported'), spansDropped: n('spansDropped') };
}

function exportsList(x: unknown): string[] {
	if (!Array.isArray(x) || x.length > L.maxExports) return refuse('exports are not a short list');
	return x.map((e) => str(e, 'an export name', L.maxExportName));
}

/** Checks what a call answered, by the method the page called (never by what the sandbox says it was). */
export function checkResult<M extends ServiceMethod>(method: M, x: unknown): Checked<CallResults[M]> {
	return attempt(() => {
		switch (method) {
			case 'ping':
				return x === true ? true : refuse('ping did not answer true');
			case 'start': {
				const o = outcome(x);
				return { ...o, exports: exportsList(isRecord(x) ? own(x, 'exports') : undefined) };
			}
			case 'main':
				return outcome(x);
			case 'handle':
				return checkResponse(x);
			case 'shutdown':
			case 'status':
				return status(x);
		}
		return refuse('an unknown method');
	}) as Checked<CallResults[M]>;
}

/**
 * What arrived on a service's port: one message, or a batch of them (each checked as if it came
 * alone; a batch inside a batch is refused). All or nothing: one bad entry refuses the lot.
 */
export function checkWire(x: unknown): Checked<FromService[]> {
	return attempt((): FromService[] => {
		if (!isRecord(x) || own(x, 't') !== 'batch') return [message(x)];
		if (own(x, 'v') !== PROTOCOL_VERSION) return refuse('a message of another protocol version');
		const list = own(x, 'm');
		if (!Array.isArray(list)) return refuse("a batch's messages are not a list");
		if (list.length < 2) return refuse('a batch of fewer than two messages');
		if (list.length > L.maxBatchEntries) return refuse(`more than ${L.maxBatchEntries} messages in one batch`);
		let chars = 0;
		const out: FromService[] = [];
		for (const entry of list) {
			if (isRecord(entry) && own(entry, 't') === 'batch') refuse('a batch inside a batch');
			const msg = message(entry);
			chars += messageChars(msg);
			if (chars > L.maxBatchChars) refuse(`more than ${L.maxBatchChars} characters of text in one batch`);
			out.push(msg);
		}
		return out;
	});
}

/** The envelope of any message from a service; the arguments of host calls are checked too. */
export function checkMessage(x: unknown): Checked<FromService> {
	return attempt(() => message(x));
}

function message(x: unknown): FromService {
	if (!isRecord(x)) return refuse('a message is not an object');
	if (own(x, 'v') !== PROTOCOL_VERSION) return refuse('a message of another protocol version');
	const t = own(x, 't');
	if (t === 'ret') {
		const id = int(own(x, 'id'), 'a call id', 1, Number.MAX_SAFE_INTEGER);
		if (own(x, 'ok') === true) return { v: 1, t, id, ok: true, value: own(x, 'value') };
		return { v: 1, t, id, ok: false, error: text(own(x, 'error'), 'an error', L.maxErrorText) };
	}
	if (t !== 'host') return refuse('a message of no known kind');
	const a = own(x, 'a');
	if (!Array.isArray(a)) return refuse("a host call's arguments are not a list");
	const m = own(x, 'm');
	switch (m) {
		case 'send':
			return { v: 1, t, id: int(own(x, 'id'), 'a call id', 1, Number.MAX_SAFE_INTEGER), m, a: [checkRequest(a[0])] };
		case 'listen':
			return { v: 1, t, id: int(own(x, 'id'), 'a call id', 1, Number.MAX_SAFE_INTEGER), m, a: [int(a[0], 'a port', 1, 65535)] };
		case 'unlisten':
			return { v: 1, t, m, a: [int(a[0], 'a port', 1, 65535)] };
		case 'output':
			return { v: 1, t, m, a: [checkLines(a[0])] };
		case 'error':
			return { v: 1, t, m, a: [checkError(a[0]), serviceErrorKind(a[1])] };
		case 'exit':
			// the status a shell sees: process.exit's code already kept to 8 bits (exitStatus)
			return { v: 1, t, m, a: [int(a[0], 'an exit status', 0, 255)] };
	}
	return refuse('a host call of no known kind');
}

function attempt<T>(f: () => T): Checked<T> {
	try {
		return { ok: true, value: f() };
	} catch (e) {
		if (e instanceof Refused) return { ok: false, reason: e.message };
		// a getter or proxy can't reach here (structured clone gives plain data), but stay total
		return { ok: false, reason: 'a message that could not be read' };
	}
}
