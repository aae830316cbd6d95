// Messages are whatever JSON the learner sends: typed `any`, as grpc-js types them without .proto files.
import type { SimRequest, SimResponse } from '../types';
import type { WireHost } from '../runtime/wire';
import { isServiceError, serviceError, statusOfError, type ServiceError, type StatusObject } from './errors';
import { Metadata, metadataFromHeaders, metadataToHeaders, isReservedHeader } from './metadata';
import { status, type StatusCode } from './status';
import { GRPC_CONTENT_TYPE, MAX_MESSAGE_BYTES, MAX_METADATA_BYTES, decodeTimeout, encodeMessage, isMethodName, isServiceName, splitPath } from './wire';

/** What a server needs from its service: ports, its timers (deadlines), and the Console for handler crashes. */
export type GrpcServerHost = Pick<WireHost, 'listen' | 'close' | 'handlerError' | 'setTimeout' | 'clearTimeout'>;

/** The call a method handler (and a server interceptor) receives, as grpc-js's ServerUnaryCall. */
export interface ServerUnaryCall<Request = any> {
	/** the request message (parsed JSON) */
	request: Request;
	/** the caller's metadata: `call.metadata.get('uber-trace-id')` */
	metadata: Metadata;
	/** true once the deadline has passed (the caller has stopped waiting) */
	cancelled: boolean;
	/** the full method: '/route.Route/Find' */
	getPath(): string;
	/** the caller's address; the simulated network does not tell servers, so always 'unknown' */
	getPeer(): string;
	/** when the caller stops waiting, in ms since the epoch (Infinity when it set no deadline) */
	getDeadline(): number;
}

/** How a handler answers: `callback(null, reply)` or `callback({ code, details, metadata? })`. */
export type sendUnaryData<Reply = any> = (error: StatusObject | Error | null, value?: Reply | null, trailer?: Metadata) => void;

export type UnaryHandler<Request = any, Reply = any> = (call: ServerUnaryCall<Request>, callback: sendUnaryData<Reply>) => void | Promise<void>;

/** A service's methods by name: `{ Find: (call, callback) => … }` */
export type ServiceImplementation = Record<string, UnaryHandler>;

/**
 * Runs around every method the server serves, outermost first. `next()` runs the rest and resolves
 * with the reply; a non-OK status rejects it with a ServiceError, which the interceptor may catch,
 * look at (tag a span) and rethrow. What the interceptor resolves with is the reply sent; what it
 * throws is the status sent (`{ code, details }`, or UNKNOWN for any other error).
 */
export type ServerInterceptor = (call: ServerUnaryCall, next: () => Promise<any>) => Promise<any>;

export interface ServerOptions {
	interceptors?: ServerInterceptor[];
}

const headerBytes = (headers: Record<string, string>) => {
	let n = 0;
	// HPACK counts 32 bytes of overhead per header
	for (const [k, v] of Object.entries(headers)) n += k.length + String(v).length + 32;
	return n;
};

const plain = (code: number, text: string): SimResponse => ({ status: code, headers: { 'content-type': 'text/plain' }, body: text });

function statusResponse(code: StatusCode, details: string, trailer?: Metadata | null): SimResponse {
	const headers = trailer ? withoutReserved(metadataToHeaders(trailer)) : {};
	headers['content-type'] = GRPC_CONTENT_TYPE;
	headers['grpc-status'] = String(code);
	if (details) headers['grpc-message'] = encodeMessage(details.slice(0, 2000));
	return { status: 200, headers, body: '' };
}

function withoutReserved(headers: Record<string, string>): Record<string, string> {
	for (const k of Object.keys(headers)) if (isReservedHeader(k)) delete headers[k];
	return headers;
}

/** What learner code sees of a server (`new Server(…)` in tour/grpc). */
export interface GrpcServerApi {
	/** Serves `implementation`'s methods as '/<name>/<Method>': `addService('route.Route', { Find })` */
	addService(name: string, implementation: ServiceImplementation): void;
	removeService(name: string): void;
	/** Starts answering calls on `port` (grpc-js: bindAsync + start); returns the port. */
	listen(port: number): number;
	/** Stops taking calls; `callback` runs once the calls in flight have finished. */
	tryShutdown(callback?: (error?: Error) => void): void;
	/** Stops at once: calls in flight end as their clients see a dropped connection (UNAVAILABLE). */
	forceShutdown(): void;
}

/** A gRPC server shaped like grpc-js's `Server`, on the simulated network (unary calls). */
export class GrpcServer implements GrpcServerApi {
	readonly #host: GrpcServerHost;
	readonly #interceptors: ServerInterceptor[];
	readonly #services = new Map<string, Map<string, UnaryHandler>>();
	readonly #ports = new Set<number>();
	readonly #inFlight = new Set<() => void>();
	#onDrained: (() => void)[] = [];

	constructor(host: GrpcServerHost, options: ServerOptions = {}) {
		this.#host = host;
		const interceptors = options?.interceptors ?? [];
		if (!Array.isArray(interceptors) || interceptors.some((i) => typeof i !== 'function')) {
			throw new TypeError('new Server({ interceptors }): interceptors must be an array of functions (call, next) => …');
		}
		this.#interceptors = [...interceptors];
	}

	/** Serves `implementation`'s methods as '/<name>/<Method>'. */
	addService(name: string, implementation: ServiceImplementation): void {
		if (!isServiceName(name)) throw new TypeError(`addService: "${String(name).slice(0, 80)}" is not a service name (like 'route.Route')`);
		if (typeof implementation !== 'object' || implementation === null) throw new TypeError('addService(name, implementation): implementation must be an object of methods');
		const methods = this.#services.get(name) ?? new Map<string, UnaryHandler>();
		for (const [method, handler] of Object.entries(implementation)) {
			if (!isMethodName(method)) throw new TypeError(`addService: "${String(method).slice(0, 80)}" is not a method name`);
			if (typeof handler !== 'function') throw new TypeError(`Method handler for /${name}/${method} expected function, got ${typeof handler}`);
			if (methods.has(method)) throw new Error(`Method handler for /${name}/${method} already provided.`);
			methods.set(method, handler);
		}
		this.#services.set(name, methods);
	}

	removeService(name: string): void {
		this.#services.delete(name);
	}

	/** Starts answering calls on `port` (grpc-js: bindAsync + start). */
	listen(port: number): number {
		if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new RangeError(`listen: port should be an integer 1–65535, got ${String(port)}`);
		this.#host.listen(port, (req) => this.#handle(req));
		this.#ports.add(port);
		return port;
	}

	/** Stops taking calls; `callback` runs once the calls in flight have finished. */
	tryShutdown(callback?: (error?: Error) => void): void {
		this.#closePorts();
		if (callback) {
			if (this.#inFlight.size === 0) queueMicrotask(() => callback());
			else this.#onDrained.push(() => callback());
		}
	}

	/** Stops at once: calls in flight end as their clients see a dropped connection. */
	forceShutdown(): void {
		this.#closePorts();
		for (const drop of [...this.#inFlight]) drop();
	}

	#closePorts() {
		for (const p of this.#ports) this.#host.close(p);
		this.#ports.clear();
	}

	/** One request off the wire. It may come from anything (`send` can craft it): never throws. */
	async #handle(req: SimRequest): Promise<SimResponse> {
		try {
			return await this.#call(req);
		} catch (e) {
			// a bug here must not take the port down
			return statusResponse(status.INTERNAL, `server error: ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	#call(req: SimRequest): SimResponse | Promise<SimResponse> {
		const headers = req.headers ?? {};
		if (req.method !== 'POST') return plain(405, 'Method Not Allowed');
		if (!String(headers['content-type'] ?? '').startsWith('application/grpc')) return plain(415, 'Unsupported Media Type');
		if (headerBytes(headers) > MAX_METADATA_BYTES) {
			return statusResponse(status.RESOURCE_EXHAUSTED, `Received metadata larger than max (${headerBytes(headers)} vs. ${MAX_METADATA_BYTES})`);
		}
		const body = typeof req.body === 'string' ? req.body : '';
		if (body.length > MAX_MESSAGE_BYTES) {
			return statusResponse(status.RESOURCE_EXHAUSTED, `Received message larger than max (${body.length} vs. ${MAX_MESSAGE_BYTES})`);
		}
		let path: string;
		try {
			path = new URL(req.url).pathname;
		} catch {
			return plain(400, 'Bad Request');
		}
		const parts = splitPath(path);
		const handler = parts ? this.#services.get(parts[0])?.get(parts[1]) : undefined;
		if (!handler) return statusResponse(status.UNIMPLEMENTED, `The server does not implement the method ${path.slice(0, 200)}`);

		let timeoutMs = Infinity;
		const timeout = headers['grpc-timeout'];
		if (timeout !== undefined) {
			const ms = decodeTimeout(timeout);
			if (ms === null) return statusResponse(status.INTERNAL, `Invalid grpc-timeout value "${timeout.slice(0, 40)}"`);
			timeoutMs = ms;
		}
		const { metadata, problems } = metadataFromHeaders(headers);
		if (problems.length > 0) return statusResponse(status.INTERNAL, `Invalid metadata: ${problems[0]}`);
		let request: unknown;
		try {
			request = body === '' ? {} : JSON.parse(body);
		} catch (e) {
			return statusResponse(status.INTERNAL, `Error deserializing request: ${e instanceof Error ? e.message : String(e)}`);
		}
		return this.#run(req, path, handler, request, metadata, timeoutMs);
	}

	#run(req: SimRequest, path: string, handler: UnaryHandler, request: unknown, metadata: Metadata, timeoutMs: number): Promise<SimResponse> {
		const host = this.#host;
		const deadline = Date.now() + timeoutMs;
		const call: ServerUnaryCall = {
			request,
			metadata,
			cancelled: false,
			getPath: () => path,
			getPeer: () => 'unknown',
			getDeadline: () => deadline
		};
		return new Promise<SimResponse>((resolve) => {
			let timer: unknown = null;
			let done = false;
			const finish = (res: SimResponse) => {
				if (done) return;
				done = true;
				if (timer !== null) host.clearTimeout(timer);
				this.#inFlight.delete(drop);
				if (this.#inFlight.size === 0) for (const f of this.#onDrained.splice(0)) f();
				resolve(res);
			};
			const drop = () => finish(statusResponse(status.UNAVAILABLE, 'Connection dropped'));
			this.#inFlight.add(drop);
			if (Number.isFinite(timeoutMs)) {
				timer = host.setTimeout(() => {
					call.cancelled = true;
					finish(statusResponse(status.DEADLINE_EXCEEDED, 'Deadline exceeded'));
				}, timeoutMs);
			}

			let trailer: Metadata | undefined;
			const invoke = () =>
				new Promise<unknown>((ok, fail) => {
					const callback: sendUnaryData = (error, value, t) => {
						if (error) {
							const s = statusOfError(error);
							fail(serviceError(s.code, s.details, s.metadata ?? undefined));
						} else {
							trailer = t instanceof Metadata ? t : undefined;
							ok(value);
						}
					};
					const crashed = (e: unknown) => {
						host.handlerError(e, req);
						fail(serviceError(status.UNKNOWN, e instanceof Error ? e.message : String(e)));
					};
					try {
						const r = handler(call, callback);
						if (r && typeof (r as Promise<void>).then === 'function') (r as Promise<void>).then(undefined, crashed);
					} catch (e) {
						crashed(e);
					}
				});
			const chain = this.#interceptors.reduceRight<() => Promise<unknown>>((next, icpt) => () => Promise.resolve().then(() => icpt(call, next)), invoke);

			chain().then(
				(reply) => {
					let body: string;
					try {
						body = JSON.stringify(reply ?? {});
					} catch (e) {
						finish(statusResponse(status.INTERNAL, `Failed to serialize response: ${e instanceof Error ? e.message : String(e)}`));
						return;
					}
					const headers = trailer ? withoutReserved(metadataToHeaders(trailer)) : {};
					headers['content-type'] = GRPC_CONTENT_TYPE;
					headers['grpc-status'] = '0';
					finish({ status: 200, headers, body });
				},
				(e: unknown) => {
					// an interceptor's own crash (not a status it chose to send) belongs in the Console
					if (!isServiceError(e) && !hasStatusCode(e)) host.handlerError(e, req);
					const s = statusOfError(e);
					finish(statusResponse(s.code, s.details, s.metadata));
				}
			);
		});
	}
}

const hasStatusCode = (e: unknown) => typeof e === 'object' && e !== null && Number.isInteger((e as ServiceError).code);
