// FORMAT_BINARY, in the layout jaeger-client-go and -java use (jaeger-client-node leaves it a no-op):
//
//   trace id high  u64 big-endian  (0 for 64-bit trace ids)
//   trace id low   u64 big-endian
//   span id        u64 big-endian
//   parent id      u64 big-endian  (0 = none)
//   flags          u8
//   baggage count  u32 big-endian, then per item:
//     key length u32 BE, key UTF-8, value length u32 BE, value UTF-8
//
// inject sets `carrier.buffer` to a Uint8Array (opentracing's BinaryCarrier shape); extract accepts
// `carrier.buffer` as Uint8Array, ArrayBuffer or an array of byte numbers.
import { normalizeSpanId, normalizeTraceId, traceId32 } from '../ids';
import { JaegerSpanContext, type Baggage } from '../span_context';
import { MalformedCarrier, type Codec } from './codec';

const HEADER = 8 * 4 + 1 + 4;
const MAX_BYTES = 64 * 1024;
const MAX_ITEMS = 180;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function writeHex(view: DataView, at: number, hex16: string): void {
	view.setUint32(at, parseInt(hex16.slice(0, 8), 16));
	view.setUint32(at + 4, parseInt(hex16.slice(8, 16), 16));
}

function readHex(view: DataView, at: number): string {
	return view.getUint32(at).toString(16).padStart(8, '0') + view.getUint32(at + 4).toString(16).padStart(8, '0');
}

function toBytes(buffer: unknown): Uint8Array | null {
	if (buffer instanceof Uint8Array) return buffer;
	if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
	if (Array.isArray(buffer)) {
		if (buffer.length > MAX_BYTES || !buffer.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) throw new MalformedCarrier('not bytes');
		return Uint8Array.from(buffer as number[]);
	}
	if (buffer === null || buffer === undefined) return null;
	throw new MalformedCarrier('buffer is not binary');
}

export class BinaryCodec implements Codec {
	inject(ctx: JaegerSpanContext, carrier: unknown): void {
		if (carrier === null || typeof carrier !== 'object') throw new TypeError('binary carrier must be an object');
		if (!ctx.isValid) return;
		const items: Uint8Array[] = [];
		let size = HEADER;
		for (const key in ctx.baggage) {
			const k = encoder.encode(key);
			const v = encoder.encode(ctx.baggage[key]);
			items.push(k, v);
			size += 8 + k.length + v.length;
		}
		const bytes = new Uint8Array(size);
		const view = new DataView(bytes.buffer);
		const trace = traceId32(ctx.traceId);
		writeHex(view, 0, trace.slice(0, 16));
		writeHex(view, 8, trace.slice(16));
		writeHex(view, 16, ctx.spanId);
		writeHex(view, 24, ctx.parentId || '0000000000000000');
		view.setUint8(32, ctx.flags & 0xff);
		view.setUint32(33, items.length / 2);
		let at = HEADER;
		for (const item of items) {
			view.setUint32(at, item.length);
			bytes.set(item, at + 4);
			at += 4 + item.length;
		}
		(carrier as { buffer: Uint8Array }).buffer = bytes;
	}

	extract(carrier: unknown): JaegerSpanContext | null {
		if (carrier === null || typeof carrier !== 'object') throw new MalformedCarrier('carrier is not an object');
		const bytes = toBytes(carrier instanceof Uint8Array || carrier instanceof ArrayBuffer ? carrier : (carrier as { buffer?: unknown }).buffer);
		if (bytes === null) return null;
		if (bytes.length < HEADER || bytes.length > MAX_BYTES) throw new MalformedCarrier('bad binary length');
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const traceId = normalizeTraceId(readHex(view, 0) + readHex(view, 8));
		const spanId = normalizeSpanId(readHex(view, 16));
		const parentRaw = readHex(view, 24);
		const parentId = parentRaw === '0000000000000000' ? '' : parentRaw;
		if (traceId === null || spanId === null) throw new MalformedCarrier('zero id');
		const flags = view.getUint8(32);
		const count = view.getUint32(33);
		if (count > MAX_ITEMS) throw new MalformedCarrier('too many baggage items');
		const baggage: Baggage = Object.create(null);
		let at = HEADER;
		const read = (): string => {
			if (at + 4 > bytes.length) throw new MalformedCarrier('truncated');
			const len = view.getUint32(at);
			if (at + 4 + len > bytes.length) throw new MalformedCarrier('truncated');
			const s = decoder.decode(bytes.subarray(at + 4, at + 4 + len));
			at += 4 + len;
			return s;
		};
		for (let i = 0; i < count; i++) {
			const key = read();
			baggage[key] = read();
		}
		return new JaegerSpanContext(traceId, spanId, parentId, flags, count > 0 ? baggage : undefined);
	}
}
