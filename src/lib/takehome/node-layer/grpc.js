// `tour/grpc` on Node: real @grpc/grpc-js underneath (HTTP/2, grpc-status, deadlines, metadata), with
// the course's shape on top. The course's gRPC has no .proto files: its messages are JSON, so every
// method is registered with JSON (de)serializers, which grpc-js takes in place of generated protobuf
// code. What differs from a .proto service: the message bytes are JSON text, so a client generated
// from a .proto could not read them (the README says so). Interceptors are the course's two plain
// functions, composed here in the same order (the first is the outermost).
import * as grpc from '@grpc/grpc-js';
import { localHost } from './hosts.js';
import { held } from './lifecycle.js';

export const { Metadata, status } = grpc;

const toJson = (value) => Buffer.from(JSON.stringify(value ?? {}), 'utf8');
const fromJson = (bytes) => (bytes.length === 0 ? {} : JSON.parse(bytes.toString('utf8')));
const codeName = (code) => Object.keys(status).find((k) => status[k] === code) ?? 'UNKNOWN';

/** `callback({ code, details })`, as the course's handlers answer, → an Error like grpc-js's ServiceError. */
function serviceError(code, details, metadata) {
	const e = new Error(`${code} ${codeName(code)}: ${details}`);
	return Object.assign(e, { code, details, metadata: metadata ?? new Metadata() });
}

const isCode = (c) => Number.isInteger(c) && c >= 0 && c <= 16;

/** What goes back to the caller for a failure: its own status, or UNKNOWN for a crash (said in the console). */
function statusOf(err) {
	if (err && isCode(err.code)) return { code: err.code, details: String(err.details ?? err.message ?? ''), metadata: err.metadata instanceof Metadata ? err.metadata : undefined };
	console.error(`gRPC handler failed: ${err?.stack ?? err}`);
	return { code: status.UNKNOWN, details: String(err?.message ?? err) };
}

export class Server {
	#server = new grpc.Server();
	#interceptors;
	#definitions = new Map();

	constructor(options = {}) {
		this.#interceptors = [...(options?.interceptors ?? [])];
	}

	/** `addService('route.Route', { Find(call, callback) { … } })`: each method at '/route.Route/Find'. */
	addService(name, implementation) {
		const definition = {};
		const handlers = {};
		for (const [method, handler] of Object.entries(implementation)) {
			definition[method] = { path: `/${name}/${method}`, requestStream: false, responseStream: false, requestSerialize: toJson, requestDeserialize: fromJson, responseSerialize: toJson, responseDeserialize: fromJson, originalName: method };
			handlers[method] = (call, callback) => this.#serve(handler, call, callback);
		}
		this.#server.addService(definition, handlers);
		this.#definitions.set(name, definition);
	}

	removeService(name) {
		const definition = this.#definitions.get(name);
		if (definition) this.#server.removeService(definition);
		this.#definitions.delete(name);
	}

	#serve(handler, call, callback) {
		let trailer;
		// the handler answers through its callback (or throws); the interceptors see a promise
		const run = () =>
			new Promise((resolve, reject) => {
				const answer = (err, value, metadata) => {
					trailer = metadata;
					if (err) reject(err instanceof Error && isCode(err.code) ? err : isCode(err?.code) ? serviceError(err.code, err.details ?? '', err.metadata) : err);
					else resolve(value);
				};
				try {
					const r = handler(call, answer);
					if (r && typeof r.then === 'function') r.catch(reject);
				} catch (e) {
					reject(e);
				}
			});
		const chain = this.#interceptors.reduceRight((next, interceptor) => () => Promise.resolve().then(() => interceptor(call, next)), run);
		chain().then(
			(reply) => callback(null, reply, trailer),
			(err) => callback(statusOf(err))
		);
	}

	/** grpc-js's bindAsync on every interface (the course's services listen on their own host). */
	listen(port) {
		held.listening.push(
			new Promise((resolve, reject) => this.#server.bindAsync(`0.0.0.0:${port}`, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())))
		);
		held.servers.add({ close: () => this.#server.forceShutdown() });
		return port;
	}

	tryShutdown(callback) {
		this.#server.tryShutdown((err) => callback?.(err));
	}

	forceShutdown() {
		this.#server.forceShutdown();
	}
}

export class Client {
	#client;
	#address;
	#service;
	#interceptors;

	/** `new Client('route:50051', 'route.Route', { interceptors })`: the host is found on this machine. */
	constructor(address, serviceName, options = {}) {
		const target = String(address).replace(/^dns:(\/\/\/)?/, '');
		const i = target.lastIndexOf(':');
		const host = i < 0 ? target : target.slice(0, i);
		const port = i < 0 ? '443' : target.slice(i + 1);
		this.#address = `${host}:${port}`;
		this.#service = serviceName;
		this.#interceptors = [...(options?.interceptors ?? [])];
		this.#client = new grpc.Client(`${localHost(host)}:${port}`, grpc.credentials.createInsecure());
		held.servers.add({ close: () => this.#client.close() });
	}

	getAddress() {
		return this.#address;
	}

	/** `call('Find', request, [metadata], [{ deadline }])` → the reply, or a rejection with a ServiceError. */
	call(method, request, metadata, options) {
		if (metadata !== undefined && !(metadata instanceof Metadata)) {
			options = metadata;
			metadata = undefined;
		}
		const path = `/${this.#service}/${method}`;
		const callOptions = options?.deadline !== undefined ? { deadline: options.deadline } : {};
		const send = (req, md) =>
			new Promise((resolve, reject) => this.#client.makeUnaryRequest(path, toJson, fromJson, req, md, callOptions, (err, reply) => (err ? reject(err) : resolve(reply))));
		const chain = this.#interceptors.reduceRight((next, interceptor) => (req, md) => Promise.resolve().then(() => interceptor(path, req, md, next)), send);
		return chain(request, metadata ?? new Metadata());
	}

	close() {
		this.#client.close();
	}
}
