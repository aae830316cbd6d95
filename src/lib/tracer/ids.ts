// Span and trace ids: random 64-bit values as lower-case hex.
// Ids are made from a pool of crypto-random 32-bit words refilled in bulk, because calling
// getRandomValues per id (or building a BigInt) dominated span start time in the benchmark.

const POOL_WORDS = 2048;
const pool = new Uint32Array(POOL_WORDS);
let next = POOL_WORDS;

function fill(): void {
	const c = (globalThis as { crypto?: Crypto }).crypto;
	if (c?.getRandomValues) c.getRandomValues(pool);
	else for (let i = 0; i < POOL_WORDS; i++) pool[i] = (Math.random() * 0x100000000) >>> 0;
	next = 0;
}

function word(): number {
	if (next === POOL_WORDS) fill();
	return pool[next++];
}

/** Nibble → char code of its lower-case hex digit. */
const C = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/**
 * 64 bits → 16 hex chars in one String.fromCharCode call: Number#toString(16) cost ~250 ns per word in
 * V8, and concatenating 8-char halves makes a cons string (three heap objects per id, retained with
 * every span); this builds one flat string in ~30 ns.
 */
function hex16(a: number, b: number): string {
	return String.fromCharCode(
		C[a >>> 28], C[(a >>> 24) & 15], C[(a >>> 20) & 15], C[(a >>> 16) & 15], C[(a >>> 12) & 15], C[(a >>> 8) & 15], C[(a >>> 4) & 15], C[a & 15],
		C[b >>> 28], C[(b >>> 24) & 15], C[(b >>> 20) & 15], C[(b >>> 16) & 15], C[(b >>> 12) & 15], C[(b >>> 8) & 15], C[(b >>> 4) & 15], C[b & 15]
	);
}

/** A random non-zero 64-bit id, 16 hex chars (zero is "no id" in every propagation format). */
export function randomId64(): string {
	let hi = word();
	let lo = word();
	while (hi === 0 && lo === 0) {
		hi = word();
		lo = word();
	}
	return hex16(hi, lo);
}

/** A random non-zero 128-bit trace id, 32 hex chars. */
export function randomId128(): string {
	return randomId64() + randomId64();
}

const HEX_ID = /^[0-9a-fA-F]{1,32}$/;
const ZEROS = '00000000000000000000000000000000';

/**
 * Canonical trace id: lower-case, 16 chars when the high 64 bits are zero, else 32 — the rule
 * jaeger-client's traceId getter uses, so "00…0abc" (W3C, 32 chars) and "abc" (uber-trace-id with
 * leading zeros stripped) name the same trace in every record. Returns null for anything that is not
 * 1–32 hex digits or is all zeros.
 */
export function normalizeTraceId(raw: string): string | null {
	if (!HEX_ID.test(raw)) return null;
	const s = stripZeros(raw.toLowerCase());
	if (s === '0') return null;
	return s.length <= 16 ? ZEROS.slice(0, 16 - s.length) + s : ZEROS.slice(0, 32 - s.length) + s;
}

/** Canonical 64-bit id (span or parent): 16 lower-case hex chars, or null if invalid or zero. */
export function normalizeSpanId(raw: string): string | null {
	if (raw.length > 16 || !HEX_ID.test(raw)) return null;
	const s = raw.toLowerCase();
	if (stripZeros(s) === '0') return null;
	return s.length === 16 ? s : ZEROS.slice(0, 16 - s.length) + s;
}

/** "000abc" → "abc"; "0000" → "0". jaeger-client writes ids this way in `uber-trace-id`. */
export function stripZeros(hex: string): string {
	let i = 0;
	while (i < hex.length - 1 && hex.charCodeAt(i) === 48) i++;
	return i === 0 ? hex : hex.slice(i);
}

/** Pads a canonical trace id to the 32 chars W3C and OTel expect. */
export function traceId32(traceId: string): string {
	return traceId.length === 32 ? traceId : ZEROS.slice(0, 32 - traceId.length) + traceId;
}

/** A version-4 UUID for the `client-uuid` process tag. */
export function uuid4(): string {
	const c = (globalThis as { crypto?: Crypto }).crypto;
	if (c?.randomUUID) return c.randomUUID();
	const h = randomId128().split('');
	h[12] = '4';
	h[16] = ((parseInt(h[16], 16) & 3) | 8).toString(16);
	const s = h.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
