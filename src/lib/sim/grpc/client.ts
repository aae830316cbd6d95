// Messages are whatever JSON the learner sends: typed `any`, as grpc-js types them without .proto files.
import type { SimResponse } from '../types';
import type { WireHost } from '../runtime/wire';
import { isValidHostName } from '../hosts';
import { isNetworkError } from '../network/errors';
import { serviceError } from './errors';
import { Metadata, metadataFromHeaders, metadataToHeaders } from './metadata';
import { status, statusFromHttp } from './status';
import { GRPC_CONTENT_TYPE, decodeMessage, encodeTimeout, isMethodName, isServiceName } from './wire';

/** What a client needs from its service: sending, and its timers (deadlines). */
export type GrpcClientHost = Pick<WireHost, 'send' | 'setTimeout' | 'clearTimeout'>;

/**
 * Runs around every call the client makes, outermost first. `method` is the full method
 * ('/route.Route/Find'); `next(request, metadata)` sends (through the interceptors after this one) and
 * resolves with the reply, or rejects with a ServiceError for a non-OK status.
 */
export type ClientInterceptor = (
	method: string,
	request: any,
	metadata: Metadata,
	next: (request: any, metadata: Metadata) => Promise<any>
) => Promise<any>;

export interface ClientOptions {
	interceptors?: ClientInterceptor[];
}

export interface CallOptions {
	/** when to stop waiting: a Date or ms since the epoch (`Date.now() + 100`), as in grpc-js */
	deadline?: Date | number;
}

/** 'route:50051' (also 'dns:///route:50051') → host and port; gRPC's default port is 443 */
function parseAddress(address: string): { host: string; port: number } {
	const target = String(address).replace(/^dns:(\/\/\/)?/, '');
	const i = target.lastIndexOf(':');
	const host = (i < 0 ? target : target.slice(0, i)).toLowerCase();
	const port = i < 0 ? 443 : Number(target.slice(i + 1));
	if (!isValidHostName(host) || !Number.isInteger(port) || port <= 0 || port > 65535) {
		throw new TypeError(`Could not parse target name "${String(address).slice(0, 100)}" (expected host:port, e.g. 'route:50051')`);
	}
	return { host, port };
}

function deadlineMs(deadline: CallOptions['deadline']): number {
	if (deadline === undefined || deadline === null) return Infinity;
	const t = deadline instanceof Date ? deadline.getTime() : Number(deadline);
	if (Number.isNaN(t)) throw new TypeError('deadline must be a Date or a number of ms since the epoch (Date.now() + 100)');
	return t - Date.now();
}

/** A response from the wire → the reply, or the ServiceError grpc-js would reject with. */
function replyOf(res: SimResponse): unknown {
	if (res.status !== 200) throw serviceError(statusFromHttp(res.status), `Received HTTP status code ${res.status}`);
	const { metadata } = metadataFromHeaders(res.headers);
	const raw = res.headers['grpc-status'];
	if (raw === undefined) throw serviceError(status.UNKNOWN, 'No status received', metadata);
	const code = /^\d{1,2}$/.test(raw) ? Number(raw) : status.UNKNOWN;
	if (code !== status.OK) throw serviceError(code, decodeMessage(res.headers['grpc-message'] ?? ''), metadata);
	if (res.body === '') throw serviceError(status.UNIMPLEMENTED, 'No message received', metadata);
	try {
		return JSON.parse(res.body);
	} catch (e) {
		throw serviceError(status.INTERNAL, `Response message parsing error: ${e instanceof Error ? e.message : String(e)}`, metadata);
	}
}

/** What learner code sees of a client (`new Client(…)` in tour/grpc). */
export interface GrpcClientApi {
	/** 'route:50051' */
	getAddress(): string;
	/**
	 * Calls `method` ('Find') with `request`; resolves with the reply or rejects with a ServiceError.
	 * `metadata` may be left out: `call('Find', req, { deadline: Date.now() + 100 })`.
	 */
	call(method: string, request: any, metadata?: Metadata | CallOptions, options?: CallOptions): Promise<any>;
	/** Closes the channel: later calls fail. */
	close(): void;
}

/**
 * A client for one service at one address, as grpc-js's generic `Client` with `makeUnaryRequest`,
 * minus the .proto files: `client.call('Find', { from, to })` resolves with the reply.
 */
export class GrpcClient implements GrpcClientApi {
	readonly #host: GrpcClientHost;
	readonly #target: { host: string; port: number };
	readonly #service: string;
	readonly #interceptors: ClientInterceptor[];
	#closed = false;

	constructor(host: GrpcClientHost, address: string, serviceName: string, options: ClientOptions = {}) {
		this.#host = host;
		this.#target = parseAddress(address);
		if (!isServiceName(serviceName)) throw new TypeError(`new Client(address, serviceName): "${String(serviceName).slice(0, 80)}" is not a service name (like 'route.Route')`);
		this.#service = serviceName;
		const interceptors = options?.interceptors ?? [];
		if (!Array.isArray(interceptors) || interceptors.some((i) => typeof i !== 'function')) {
			throw new TypeError('new Client(…, { interceptors }): interceptors must be an array of functions (method, request, metadata, next) => …');
		}
		this.#interceptors = [...interceptors];
	}

	/** 'route:50051' */
	getAddress(): string {
		return `${this.#target.host}:${this.#target.port}`;
	}

	/** Calls `method` with `request`; metadata and options are optional (options may come third). */
	call(method: string, request: any, metadata?: Metadata | CallOptions, options?: CallOptions): Promise<any> {
		if (this.#closed) return Promise.reject(new Error('Channel has been shut down'));
		if (!isMethodName(method)) return Promise.reject(new TypeError(`call: "${String(method).slice(0, 80)}" is not a method name (like 'Find')`));
		if (metadata !== undefined && !(metadata instanceof Metadata)) {
			options = metadata;
			metadata = undefined;
		}
		let timeLeft: number;
		try {
			timeLeft = deadlineMs(options?.deadline);
		} catch (e) {
			return Promise.reject(e);
		}
		const started = Date.now();
		const path = `/${this.#service}/${method}`;
		const send = (req: unknown, md: Metadata) => this.#send(path, req, md, timeLeft - (Date.now() - started));
		const chain = this.#interceptors.reduceRight<(req: unknown, md: Metadata) => Promise<unknown>>(
			(next, icpt) => (req, md) => Promise.resolve().then(() => icpt(path, req, md, next)),
			send
		);
		return chain(request, metadata instanceof Metadata ? metadata : new Metadata());
	}

	/** Closes the channel: later calls fail. */
	close(): void {
		this.#closed = true;
	}

	async #send(path: string, request: unknown, metadata: Metadata, timeLeft: number): Promise<unknown> {
		if (!(metadata instanceof Metadata)) throw new TypeError('next(request, metadata): metadata must be a Metadata');
		for (const [key] of metadata.entries()) {
			// the transport's own headers: silently overriding them would hide the mistake
			if (key.startsWith('grpc-')) throw serviceError(status.INTERNAL, `Metadata key "${key}" is reserved: names starting grpc- belong to gRPC itself`);
		}
		let body: string;
		try {
			body = JSON.stringify(request ?? {});
		} catch (e) {
			throw serviceError(status.INTERNAL, `Request message serialization failure: ${e instanceof Error ? e.message : String(e)}`);
		}
		if (timeLeft <= 0) throw serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded');
		const headers = metadataToHeaders(metadata);
		headers['content-type'] = GRPC_CONTENT_TYPE;
		headers['te'] = 'trailers';
		if (Number.isFinite(timeLeft)) headers['grpc-timeout'] = encodeTimeout(timeLeft);
		const url = `http://${this.#target.host}:${this.#target.port}${path}`;

		const host = this.#host;
		const response = new Promise<unknown>((resolve, reject) => {
			let timer: unknown = null;
			let settled = false;
			const settle = (fn: () => void) => {
				if (settled) return;
				settled = true;
				if (timer !== null) host.clearTimeout(timer);
				fn();
			};
			if (Number.isFinite(timeLeft)) timer = host.setTimeout(() => settle(() => reject(serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'))), timeLeft);
			host.send({ method: 'POST', url, headers, body }).then(
				(res) =>
					settle(() => {
						try {
							resolve(replyOf(res));
						} catch (e) {
							reject(e);
						}
					}),
				(e: unknown) => settle(() => reject(transportError(e)))
			);
		});
		return response;
	}
}

/** A network failure → what grpc-js reports: the server is UNAVAILABLE. */
function transportError(e: unknown): Error {
	if (isNetworkError(e)) {
		if (e.code === 'ECONNRESET') return serviceError(status.UNAVAILABLE, 'Connection dropped');
		return serviceError(status.UNAVAILABLE, `No connection established. Last error: ${e.message}`);
	}
	return serviceError(status.INTERNAL, e instanceof Error ? e.message : String(e));
}
