// Trace and span ids between their encodings: Jaeger JSON and Zipkin write lower-case hex, OTLP JSON
// hex (upper-case in the spec example), Tempo and Jaeger's domain model base64 bytes.

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isHexID(s: string, maxChars = 32): boolean {
	return s.length > 0 && s.length <= maxChars && HEX.test(s);
}

/** Decodes standard base64 without Node's Buffer (the model runs in browsers and workers too). */
export function base64ToBytes(s: string): Uint8Array | null {
	if (s.length % 4 !== 0 || !BASE64.test(s)) return null;
	const bin = atob(s);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

export function bytesToHex(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += b.toString(16).padStart(2, '0');
	return s;
}

/**
 * An id as lower-case hex from hex or base64 text, or null when it is neither. Hex wins when text is
 * both (an id of exactly `bytes` bytes in hex is never valid base64 of the same length).
 */
export function idToHex(s: string, bytes: number): string | null {
	if (isHexID(s, bytes * 2)) return s.toLowerCase();
	const decoded = base64ToBytes(s);
	if (decoded && decoded.length > 0 && decoded.length <= bytes) return bytesToHex(decoded);
	return null;
}

/** Jaeger's domain ids (base64 bytes) as jaeger-query prints them: 16 hex digits when the high half is 0. */
export function jaegerTraceIDFromBytes(hex: string): string {
	return hex.length === 32 && hex.startsWith('0000000000000000') ? hex.slice(16) : hex;
}

/** True for ids that mean "no id": empty or all zeros. */
export function isEmptyID(s: string): boolean {
	return /^0*$/.test(s);
}
