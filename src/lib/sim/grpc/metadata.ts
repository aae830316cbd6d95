import type { HeaderMap } from '../types';
import { decodeBase64, encodeBase64 } from './base64';

/** A metadata value: a string, or bytes under a key ending in `-bin` (a Buffer in Node's grpc-js). */
export type MetadataValue = string | Uint8Array;

// The rules grpc-js checks (the spec's header-name set, plus ':' for pseudo-headers it never sends).
// Both patterns are single character classes: linear, no backtracking.
const LEGAL_KEY = /^[:0-9a-z_.-]+$/;
const LEGAL_STRING_VALUE = /^[ -~]*$/;

const isBinaryKey = (key: string) => key.endsWith('-bin');
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function validate(key: string, value: unknown): void {
	if (!LEGAL_KEY.test(key)) throw new Error(`Metadata key "${key}" contains illegal characters`);
	if (isBinaryKey(key)) {
		if (!isBytes(value)) throw new Error("keys that end with '-bin' must have Buffer values (Uint8Array here)");
	} else {
		if (typeof value !== 'string') throw new Error("keys that don't end with '-bin' must have String values");
		if (!LEGAL_STRING_VALUE.test(value)) throw new Error(`Metadata string value "${value}" contains illegal characters`);
	}
}

const copy = (v: MetadataValue): MetadataValue => (isBytes(v) ? v.slice() : v);

/**
 * gRPC metadata, as grpc-js's `Metadata`: keys are lower-cased, a key may hold several values, and
 * keys ending in `-bin` hold bytes (sent base64 on the wire).
 */
export class Metadata {
	#map = new Map<string, MetadataValue[]>();

	/** Replaces every value of `key` with `value`. */
	set(key: string, value: MetadataValue): void {
		key = String(key).toLowerCase();
		validate(key, value);
		this.#map.set(key, [value]);
	}

	/** Adds `value` after the values `key` already has. */
	add(key: string, value: MetadataValue): void {
		key = String(key).toLowerCase();
		validate(key, value);
		const values = this.#map.get(key);
		if (values) values.push(value);
		else this.#map.set(key, [value]);
	}

	remove(key: string): void {
		this.#map.delete(String(key).toLowerCase());
	}

	/** Every value of `key` (an empty array when there is none). */
	get(key: string): MetadataValue[] {
		return this.#map.get(String(key).toLowerCase()) ?? [];
	}

	/** Each key's first value: the way metadata is mostly read. */
	getMap(): { [key: string]: MetadataValue } {
		const out: { [key: string]: MetadataValue } = {};
		for (const [key, values] of this.#map) {
			// a key from a hostile peer may be '__proto__': define it, never assign through the prototype
			if (values.length > 0) Object.defineProperty(out, key, { value: copy(values[0]), enumerable: true, writable: true, configurable: true });
		}
		return out;
	}

	clone(): Metadata {
		const m = new Metadata();
		for (const [key, values] of this.#map) m.#map.set(key, values.map(copy));
		return m;
	}

	/** Appends every value of `other` to this metadata. */
	merge(other: Metadata): void {
		for (const [key, values] of other.#map) this.#map.set(key, [...(this.#map.get(key) ?? []), ...values.map(copy)]);
	}

	/** What JSON.stringify and console.log show: key → values. */
	toJSON(): Record<string, (string | { base64: string })[]> {
		const out: Record<string, (string | { base64: string })[]> = {};
		for (const [key, values] of this.#map) {
			Object.defineProperty(out, key, {
				value: values.map((v) => (isBytes(v) ? { base64: encodeBase64(v) } : v)),
				enumerable: true
			});
		}
		return out;
	}

	/** [key, values] pairs, in the order keys were first set. */
	entries(): [string, MetadataValue[]][] {
		return [...this.#map].map(([k, v]) => [k, v.map(copy)]);
	}
}

/**
 * Metadata → request/response headers: bytes as base64, several values joined with ',' (as HTTP/2
 * folds a repeated header). Pseudo-header keys (':…') are never sent, as in grpc-js.
 */
export function metadataToHeaders(md: Metadata, into: HeaderMap = {}): HeaderMap {
	for (const [key, values] of md.entries()) {
		if (key.startsWith(':') || values.length === 0) continue;
		into[key] = values.map((v) => (isBytes(v) ? encodeBase64(v) : v)).join(isBinaryKey(key) ? ',' : ', ');
	}
	return into;
}

/** Headers the transport owns: never metadata. */
const TRANSPORT_HEADERS = new Set(['content-type', 'te', 'content-length', 'host', 'connection', 'accept-encoding']);

export function isReservedHeader(key: string): boolean {
	return key.startsWith('grpc-') || key.startsWith(':') || TRANSPORT_HEADERS.has(key);
}

/**
 * Headers from the wire → Metadata. The peer may be hostile: a header that is not valid metadata is
 * reported in `problems` (the caller decides whether that fails the call) and left out.
 */
export function metadataFromHeaders(headers: HeaderMap): { metadata: Metadata; problems: string[] } {
	const metadata = new Metadata();
	const problems: string[] = [];
	for (const [key, value] of Object.entries(headers)) {
		if (isReservedHeader(key) || typeof value !== 'string') continue;
		if (!LEGAL_KEY.test(key)) {
			problems.push(`metadata key "${key.slice(0, 64)}" contains illegal characters`);
			continue;
		}
		if (isBinaryKey(key)) {
			for (const part of value.split(',')) {
				const bytes = decodeBase64(part.trim());
				if (bytes === null) problems.push(`metadata key "${key}" has a value that is not base64`);
				else metadata.add(key, bytes);
			}
		} else if (!LEGAL_STRING_VALUE.test(value)) {
			problems.push(`metadata value of "${key}" contains illegal characters`);
		} else {
			metadata.add(key, value);
		}
	}
	return { metadata, problems };
}
