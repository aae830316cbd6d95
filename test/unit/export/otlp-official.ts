// Decodes OTLP trace requests with the official opentelemetry-proto definitions, as the OpenTelemetry JS
// packages ship them (@opentelemetry/otlp-transformer's protobufjs code, installed as the devDependency
// `otlp-proto-definitions`), strictly: a request we SEND must be exactly what the definitions describe.
//
// protobufjs's fromObject forgives a lot (it drops unknown keys, takes enum names, coerces types, reads
// a number for an int64), so JSON is checked by a round trip: OTLP's JSON rules applied (hex ids → bytes),
// fromObject, encoded to protobuf and decoded again, then written back with OTLP JSON's conventions
// (int64 as decimal strings, enums as integers, lowerCamelCase names). Every field the sender wrote must
// come back unchanged; anything that does not (an unknown or snake_case key, base64 ids, an enum name,
// a number where an int64 belongs, a string where a number belongs) is an error naming the field.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = require('otlp-proto-definitions/build/src/generated/root.js');

/** The generated message type: encode/decode/fromObject/toObject, as protobufjs's static code has them. */
interface MessageType {
	fromObject(o: unknown): unknown;
	toObject(m: unknown, options: Record<string, unknown>): Record<string, unknown>;
	encode(m: unknown): { finish(): Uint8Array };
	decode(b: Uint8Array): unknown;
}
export const ExportTraceServiceRequest: MessageType = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

export class OtlpDecodeError extends Error {}

/** The JSON field names that hold ids as hex (OTLP's exception to proto3 JSON's base64 bytes), with their byte widths. */
const HEX_IDS: Record<string, number[]> = { traceId: [16], spanId: [8], parentSpanId: [8, 0] };
const isIdField = (k: string) => Object.prototype.hasOwnProperty.call(HEX_IDS, k);

/**
 * AnyValue's `value` oneof, the only oneof in the trace definitions. protobufjs's static code keeps
 * every member it is given (fromObject, and decode, which does not clear the others), so "two values"
 * is checked here; a real protobuf decoder would keep the last one on the wire.
 */
const ANY_VALUE_ONEOF = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'];

/** OTLP JSON → proto3 JSON: hex ids become base64, checked for width and hex digits on the way. */
function idsToBase64(v: unknown, path: string): unknown {
	if (Array.isArray(v)) return v.map((x, i) => idsToBase64(x, `${path}[${i}]`));
	if (v === null || typeof v !== 'object') return v;
	const set = ANY_VALUE_ONEOF.filter((k) => Object.prototype.hasOwnProperty.call(v, k));
	if (set.length > 1) throw new OtlpDecodeError(`${path}: ${set.join(' and ')} at once; an AnyValue holds one value (a oneof)`);
	// no prototype: a key JSON.parse made an own property (e.g. "__proto__") stays a key the comparison sees
	const out: Record<string, unknown> = Object.create(null);
	for (const [k, x] of Object.entries(v)) {
		const at = path ? `${path}.${k}` : k;
		const widths = isIdField(k) ? HEX_IDS[k] : null;
		if (widths && x !== null && x !== undefined) {
			if (typeof x !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(x) || !widths.includes(x.length / 2))
				throw new OtlpDecodeError(`${at}: OTLP JSON writes this id as ${widths.map((w) => (w ? `${w * 2} hex digits` : 'an empty string')).join(' or ')}, not ${JSON.stringify(x)}`);
			out[k] = Buffer.from(x, 'hex').toString('base64');
		} else out[k] = idsToBase64(x, at);
	}
	return out;
}

/** OTLP JSON's way of writing a decoded message: int64 as decimal strings, enums as integers, bytes as base64. */
const JSON_RULES = { longs: String, enums: Number, bytes: String, defaults: true, arrays: true, objects: true, json: true };

/** Every field in `sent` must come back as it was sent; fields the sender left out are the defaults. */
function sameAsSent(sent: unknown, decoded: unknown, path: string): void {
	const where = path || 'the request';
	if (Array.isArray(sent)) {
		if (!Array.isArray(decoded) || decoded.length !== sent.length) throw new OtlpDecodeError(`${where}: a list of ${sent.length} decodes as ${JSON.stringify(decoded)?.slice(0, 80)}`);
		sent.forEach((x, i) => sameAsSent(x, decoded[i], `${path}[${i}]`));
		return;
	}
	if (sent !== null && typeof sent === 'object') {
		if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw new OtlpDecodeError(`${where}: an object where the definitions have ${JSON.stringify(decoded)}`);
		for (const k of Object.keys(sent)) {
			const at = path ? `${path}.${k}` : k;
			if (!Object.prototype.hasOwnProperty.call(decoded, k))
				throw new OtlpDecodeError(`${at}: not a field of this message in opentelemetry-proto (unknown, not lowerCamelCase, or a second value of a oneof)`);
			sameAsSent((sent as Record<string, unknown>)[k], (decoded as Record<string, unknown>)[k], at);
		}
		return;
	}
	if (sent === decoded) return;
	if (typeof sent === 'number' && typeof decoded === 'string' && String(sent) === decoded)
		throw new OtlpDecodeError(`${where}: the number ${sent} where the definitions have a string (OTLP JSON writes a 64-bit integer as a decimal string: "${decoded}")`);
	if (typeof sent === 'string' && typeof decoded === 'number')
		throw new OtlpDecodeError(`${where}: the string ${JSON.stringify(sent)} where the definitions have a number (OTLP JSON writes an enum as its integer, here ${decoded})`);
	throw new OtlpDecodeError(`${where}: sent ${JSON.stringify(sent)}, the definitions decode ${JSON.stringify(decoded)}`);
}

export type DecodedRequest = Record<string, unknown>;

/** A request body in OTLP JSON, decoded by the official definitions, or an OtlpDecodeError naming the first wrong field. */
export function decodeOtlpJson(body: string | unknown): DecodedRequest {
	const sent = typeof body === 'string' ? JSON.parse(body) : body;
	if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) throw new OtlpDecodeError('the request is not a JSON object');
	const proto3 = idsToBase64(sent, '');
	let message: unknown;
	try {
		message = ExportTraceServiceRequest.fromObject(proto3);
	} catch (e) {
		throw new OtlpDecodeError(`the definitions refuse it: ${(e as Error).message}`);
	}
	// through the wire format and back: what a protobuf receiver would get from the same request
	const decoded = decodeOtlpProtobuf(ExportTraceServiceRequest.encode(message).finish());
	sameAsSent(proto3, withBase64Ids(decoded), '');
	return decoded;
}

/** A request body in OTLP protobuf, decoded and written with OTLP JSON's rules (ids as hex). */
export function decodeOtlpProtobuf(bytes: Uint8Array): DecodedRequest {
	let message: unknown;
	try {
		message = ExportTraceServiceRequest.decode(bytes);
	} catch (e) {
		throw new OtlpDecodeError(`not an ExportTraceServiceRequest: ${(e as Error).message}`);
	}
	return idsToHex(ExportTraceServiceRequest.toObject(message, JSON_RULES)) as DecodedRequest;
}

function mapIds(v: unknown, f: (s: string) => string): unknown {
	if (Array.isArray(v)) return v.map((x) => mapIds(x, f));
	if (v === null || typeof v !== 'object') return v;
	return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isIdField(k) && typeof x === 'string' ? f(x) : mapIds(x, f)]));
}
const idsToHex = (v: unknown) => mapIds(v, (b64) => Buffer.from(b64, 'base64').toString('hex'));
const withBase64Ids = (v: unknown) => mapIds(v, (hex) => Buffer.from(hex, 'hex').toString('base64'));

export interface DecodedSpan {
	service: string;
	name: string;
	traceId: string;
	spanId: string;
	parentSpanId: string;
	kind: number;
}

interface Req {
	resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] } | null; scopeSpans: { spans: { name: string; traceId: string; spanId: string; parentSpanId: string; kind: number }[] }[] }[];
}

/** The spans of a decoded request, flat, with their resource's service.name. */
export function spansOf(decoded: DecodedRequest): DecodedSpan[] {
	const out: DecodedSpan[] = [];
	for (const rs of (decoded as unknown as Req).resourceSpans) {
		const service = rs.resource?.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
		for (const ss of rs.scopeSpans) for (const s of ss.spans) out.push({ service, name: s.name, kind: s.kind, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId });
	}
	return out;
}
