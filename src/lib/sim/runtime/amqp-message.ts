// What a message looks like on each side of tour/amqp: the content a publisher may pass, the
// options it may set, and the Buffer-like content a consumer receives.
import { AMQP_LIMITS as L, STRING_PROPERTIES, type HeaderValue, type WireProperties } from '../amqp/protocol';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A message body as consumers get it: the bytes (a Uint8Array, like Node's Buffer) whose
 * `toString()` is the text, so `msg.content.toString()` and `JSON.parse(msg.content.toString())`
 * read as they do with amqplib.
 */
export class MessageContent extends Uint8Array {
	/** the bytes as text: UTF-8 (default), or 'base64' / 'hex' */
	override toString(encoding: 'utf8' | 'utf-8' | 'base64' | 'hex' = 'utf8'): string {
		if (encoding === 'hex') return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
		if (encoding === 'base64') {
			let s = '';
			for (let i = 0; i < this.length; i += 0x8000) s += String.fromCharCode(...this.subarray(i, i + 0x8000));
			return btoa(s);
		}
		return decoder.decode(this);
	}
}

export function messageContent(bytes: Uint8Array): MessageContent {
	const c = new MessageContent(bytes.length);
	c.set(bytes);
	return c;
}

/** Publishing accepts text as well as bytes (amqplib wants a Buffer; Buffer.from(text) is the usual dance). */
export type Content = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export function contentBytes(content: Content): Uint8Array {
	if (typeof content === 'string') return encoder.encode(content);
	if (content instanceof Uint8Array) return content;
	if (content instanceof ArrayBuffer) return new Uint8Array(content);
	if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
	const what = content === null ? 'null' : typeof content;
	throw new TypeError(`content must be a string, a Buffer or a Uint8Array, got ${what}${what === 'object' ? ' (JSON.stringify it first?)' : ''}`);
}

/** amqplib's publish options that the simulated broker carries. */
export interface PublishOptions {
	/** message headers: where a trace context travels (tracer.inject(ctx, FORMAT_TEXT_MAP, headers)) */
	headers?: Record<string, string | number | boolean | null | undefined>;
	contentType?: string;
	contentEncoding?: string;
	correlationId?: string;
	replyTo?: string;
	messageId?: string;
	type?: string;
	appId?: string;
	userId?: string;
	/** kept on the message; the simulated broker does not expire messages */
	expiration?: string | number;
	timestamp?: number;
	priority?: number;
	persistent?: boolean;
	deliveryMode?: boolean | number;
	/** accepted and ignored: an unroutable message is dropped either way (no basic.return) */
	mandatory?: boolean;
}

/** Checks what a learner passed, as the broker would, so the error is thrown where publish was called. */
export function wireProperties(options: PublishOptions | undefined): WireProperties {
	const out: WireProperties = { headers: Object.create(null) };
	if (options === undefined || options === null) return out;
	if (typeof options !== 'object') throw new TypeError('publish options must be an object');
	const headers = options.headers;
	if (headers !== undefined && headers !== null) {
		if (typeof headers !== 'object') throw new TypeError('options.headers must be an object');
		const entries = Object.entries(headers).filter(([, v]) => v !== undefined);
		if (entries.length > L.headers) throw new RangeError(`a message may carry at most ${L.headers} headers here`);
		for (const [k, v] of entries) {
			if (k.length === 0 || k.length > L.headerNameLength) throw new RangeError(`header names are 1–${L.headerNameLength} characters`);
			if (v !== null && typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) {
				throw new TypeError(`header '${k}' must be a string, number, boolean or null, got ${typeof v}`);
			}
			if (typeof v === 'string' && v.length > L.headerValueLength) throw new RangeError(`header '${k}' is longer than ${L.headerValueLength} characters`);
			out.headers![k] = v as HeaderValue;
		}
	}
	for (const k of STRING_PROPERTIES) {
		let v: unknown = options[k];
		if (v === undefined || v === null) continue;
		if (k === 'expiration' && typeof v === 'number') v = String(v);
		if (typeof v !== 'string') throw new TypeError(`options.${k} must be a string`);
		if (v.length > L.propertyLength) throw new RangeError(`options.${k} is longer than ${L.propertyLength} characters`);
		out[k] = v;
	}
	for (const k of ['timestamp', 'priority'] as const) {
		const v = options[k];
		if (v === undefined || v === null) continue;
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`options.${k} must be a number`);
		out[k] = v;
	}
	if (options.persistent !== undefined) out.deliveryMode = options.persistent ? 2 : 1;
	else if (typeof options.deliveryMode === 'number') out.deliveryMode = options.deliveryMode;
	else if (options.deliveryMode) out.deliveryMode = 2;
	return out;
}

/** A delivered message, shaped like amqplib's ConsumeMessage. */
export interface ConsumeMessage {
	content: MessageContent;
	fields: {
		deliveryTag: number;
		redelivered: boolean;
		exchange: string;
		routingKey: string;
		consumerTag: string;
	};
	properties: MessageProperties;
}

/** Every property is present (undefined when the publisher did not set it); headers is always an object. */
export interface MessageProperties {
	headers: Record<string, string | number | boolean | null>;
	contentType: string | undefined;
	contentEncoding: string | undefined;
	correlationId: string | undefined;
	replyTo: string | undefined;
	messageId: string | undefined;
	type: string | undefined;
	appId: string | undefined;
	userId: string | undefined;
	expiration: string | undefined;
	timestamp: number | undefined;
	priority: number | undefined;
	deliveryMode: number | undefined;
}

export function messageProperties(raw: unknown): MessageProperties {
	const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
	const n = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : undefined);
	// a plain object (learners spread it, JSON.stringify it, hand it to tracer.extract)
	const headers: Record<string, string | number | boolean | null> = {};
	if (typeof p.headers === 'object' && p.headers !== null) {
		for (const [k, v] of Object.entries(p.headers)) {
			if (k === '__proto__') continue;
			if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') headers[k] = v;
		}
	}
	return {
		headers,
		contentType: s('contentType'),
		contentEncoding: s('contentEncoding'),
		correlationId: s('correlationId'),
		replyTo: s('replyTo'),
		messageId: s('messageId'),
		type: s('type'),
		appId: s('appId'),
		userId: s('userId'),
		expiration: s('expiration'),
		timestamp: n('timestamp'),
		priority: n('priority'),
		deliveryMode: n('deliveryMode')
	};
}
