// Base64 for binary metadata (`-bin` keys), without Node's Buffer (services run in browser workers).
// The gRPC spec: accept padded and unpadded values. Anything else is refused, not guessed at.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** padded, as grpc-js writes it (Buffer#toString('base64')) */
export function encodeBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
		out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
		out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
	}
	return out;
}

/** null when `text` is not base64 (wrong characters, impossible length) */
export function decodeBase64(text: string): Uint8Array | null {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && text.length - end < 2) end--;
	if (end % 4 === 1) return null;
	if (end < text.length && text.length % 4 !== 0) return null;
	const out = new Uint8Array(Math.floor((end * 3) / 4));
	let bits = 0;
	let acc = 0;
	let o = 0;
	for (let i = 0; i < end; i++) {
		const c = text.charCodeAt(i);
		const v = c < 128 ? INDEX[c] : -1;
		if (v < 0) return null;
		acc = ((acc << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (acc >> bits) & 0xff;
		}
	}
	return out;
}
