// The broker's wire format, shared by the host (broker.ts) and the client (runtime/amqp.ts). Every
// AMQP method is one request on the simulated network: method = the AMQP method name
// ('basic.publish'), url = amqp://rabbitmq:5672/ (the vhost is the path), body = JSON fields,
// request headers = the message's own headers (so uber-trace-id shows in the Network panel).

export const BROKER_HOST = 'rabbitmq';
export const BROKER_PORT = 5672;

/** Limits of the simulated broker (real RabbitMQ allows more; a page's memory does not). */
export const AMQP_LIMITS = {
	queues: 1000,
	exchanges: 1000,
	bindings: 10_000,
	messagesPerQueue: 100_000,
	/** all message bodies held at once */
	totalBytes: 32 * 1024 * 1024,
	messageBytes: 1024 * 1024,
	connections: 256,
	channelsPerConnection: 64,
	consumersPerChannel: 256,
	/** AMQP short strings (names, routing keys) are at most 255 bytes */
	nameLength: 255,
	headers: 64,
	headerNameLength: 128,
	headerValueLength: 4096,
	propertyLength: 1024
} as const;

/** The AMQP reply codes the broker answers with (they double as the record's status). */
export const REPLY = {
	OK: 200,
	ACCESS_REFUSED: 403,
	NOT_FOUND: 404,
	RESOURCE_LOCKED: 405,
	PRECONDITION_FAILED: 406,
	SYNTAX_ERROR: 502,
	COMMAND_INVALID: 503,
	CHANNEL_ERROR: 504,
	RESOURCE_ERROR: 506,
	NOT_ALLOWED: 530,
	NOT_IMPLEMENTED: 540
} as const;

/** amqplib writes codes as '404 (NOT-FOUND)' */
export const REPLY_NAMES: Record<number, string> = {
	403: 'ACCESS-REFUSED',
	404: 'NOT-FOUND',
	405: 'RESOURCE-LOCKED',
	406: 'PRECONDITION-FAILED',
	502: 'SYNTAX-ERROR',
	503: 'COMMAND-INVALID',
	504: 'CHANNEL-ERROR',
	506: 'RESOURCE-ERROR',
	530: 'NOT-ALLOWED',
	540: 'NOT-IMPLEMENTED'
};

/** wire method → [AMQP class id, method id, amqplib's name for it] */
export const METHODS: Record<string, readonly [number, number, string]> = {
	'connection.open': [10, 40, 'ConnectionOpen'],
	'connection.close': [10, 50, 'ConnectionClose'],
	'channel.open': [20, 10, 'ChannelOpen'],
	'channel.close': [20, 40, 'ChannelClose'],
	'exchange.declare': [40, 10, 'ExchangeDeclare'],
	'exchange.delete': [40, 20, 'ExchangeDelete'],
	'queue.declare': [50, 10, 'QueueDeclare'],
	'queue.bind': [50, 20, 'QueueBind'],
	'queue.purge': [50, 30, 'QueuePurge'],
	'queue.delete': [50, 40, 'QueueDelete'],
	'queue.unbind': [50, 50, 'QueueUnbind'],
	'basic.qos': [60, 10, 'BasicQos'],
	'basic.consume': [60, 20, 'BasicConsume'],
	'basic.cancel': [60, 30, 'BasicCancel'],
	'basic.publish': [60, 40, 'BasicPublish'],
	'basic.deliver': [60, 60, 'BasicDeliver'],
	'basic.ack': [60, 80, 'BasicAck'],
	'basic.reject': [60, 90, 'BasicReject'],
	'basic.nack': [60, 120, 'BasicNack']
};

/** What an error answer's body holds: the fields of AMQP's channel.close / connection.close. */
export interface CloseBody {
	code: number;
	text: string;
	classId: number;
	methodId: number;
	/** what the error closed on the broker: the channel, the whole connection, or nothing */
	closes: 'channel' | 'connection' | 'none';
}

/** A header value the simulated broker carries (AMQP tables allow more; these are what tracing needs). */
export type HeaderValue = string | number | boolean | null;

/** Message properties on the wire; headers keep the publisher's spelling and types. */
export interface WireProperties {
	headers?: Record<string, HeaderValue>;
	contentType?: string;
	contentEncoding?: string;
	correlationId?: string;
	replyTo?: string;
	messageId?: string;
	type?: string;
	appId?: string;
	userId?: string;
	expiration?: string;
	timestamp?: number;
	priority?: number;
	deliveryMode?: number;
}

export const STRING_PROPERTIES = ['contentType', 'contentEncoding', 'correlationId', 'replyTo', 'messageId', 'type', 'appId', 'userId', 'expiration'] as const;
export const NUMBER_PROPERTIES = ['timestamp', 'priority', 'deliveryMode'] as const;

/** A message body on the wire: readable text when it is UTF-8, base64 otherwise. */
export type WireContent = { content: string } | { content64: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export function encodeContent(bytes: Uint8Array): WireContent {
	try {
		return { content: utf8.decode(bytes) };
	} catch {
		let s = '';
		for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return { content64: btoa(s) };
	}
}

/** The bytes of a wire body, or null when it carries none that can be read. */
export function decodeContent(body: { content?: unknown; content64?: unknown }): Uint8Array | null {
	if (typeof body.content === 'string') return encoder.encode(body.content);
	if (typeof body.content64 === 'string') {
		try {
			const s = atob(body.content64);
			const out = new Uint8Array(s.length);
			for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
			return out;
		} catch {
			return null;
		}
	}
	return null;
}

/** Header values as request headers (strings) for the Network panel. */
export function headersForDisplay(headers: Record<string, HeaderValue> | undefined): Record<string, string> {
	// no prototype: a header called __proto__ is just a header
	const out: Record<string, string> = Object.create(null);
	if (!headers) return out;
	for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v === null ? '' : String(v);
	return out;
}
