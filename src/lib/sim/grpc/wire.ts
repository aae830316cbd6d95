// How a unary gRPC call rides on the simulated network's request/response messages (see README.md).

/** gRPC over HTTP/2 says `application/grpc+proto`; with no .proto files here the messages are JSON. */
export const GRPC_CONTENT_TYPE = 'application/grpc+json';

/** gRPC's suggested limit on request metadata (PROTOCOL-HTTP2.md): 8 KiB */
export const MAX_METADATA_BYTES = 8 * 1024;
/** grpc-js's default max receive message size: 4 MiB */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

// gRPC's grammar: a service name is dotted identifiers, a method an identifier.
const SERVICE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const METHOD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const isServiceName = (s: unknown): s is string => typeof s === 'string' && s.length <= 200 && SERVICE_NAME.test(s);
export const isMethodName = (s: unknown): s is string => typeof s === 'string' && s.length <= 200 && METHOD_NAME.test(s);

/** '/route.Route/Find' → ['route.Route', 'Find'], or null for any other shape */
export function splitPath(path: string): [string, string] | null {
	const parts = path.split('/');
	if (parts.length !== 3 || parts[0] !== '') return null;
	return [parts[1], parts[2]];
}

// grpc-timeout: at most 8 digits and a unit (PROTOCOL-HTTP2.md)
const UNITS: [string, number][] = [
	['m', 1],
	['S', 1000],
	['M', 60_000],
	['H', 3_600_000]
];
const UNIT_MS: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };
const TIMEOUT = /^(\d{1,8})([HMSmun])$/;

/** ms → '100m', '3S' …: the smallest unit that fits in 8 digits, rounded up (as grpc-js does) */
export function encodeTimeout(ms: number): string {
	const t = Math.max(0, ms);
	for (const [unit, factor] of UNITS) {
		const n = Math.ceil(t / factor);
		if (n < 1e8) return `${n}${unit}`;
	}
	return '99999999H';
}

/** '100m' → 100; null when it is not a valid grpc-timeout */
export function decodeTimeout(value: string): number | null {
	const m = TIMEOUT.exec(value);
	return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

/** grpc-message is percent-encoded on the wire (PROTOCOL-HTTP2.md): anything outside printable ASCII, and '%' */
export function encodeMessage(text: string): string {
	let out = '';
	for (const byte of new TextEncoder().encode(text)) {
		out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

export function decodeMessage(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}
