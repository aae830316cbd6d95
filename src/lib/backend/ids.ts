// Trace and span ids the way Jaeger reads them: hex numbers, not strings. Jaeger parses an id into
// 64-bit halves and prints it back as 16 (or, when the high half is non-zero, 32) lower-case hex
// digits, so `abc`, `0abc` and `0000000000000abc` name the same trace. We do the same so a learner
// who copies the short id jaeger-client logs (`Reporting span 2b9c…`) still finds the trace.

const HEX = /^[0-9a-fA-F]+$/;
const CANONICAL_64 = /^[0-9a-f]{16}$/;
const ZERO_64 = '0000000000000000';

function stripLeadingZeros(hex: string): string {
	let i = 0;
	while (i < hex.length - 1 && hex.charCodeAt(i) === 48 /* '0' */) i++;
	return hex.slice(i);
}

/** Canonical trace id (16 or 32 lower-case hex digits), or null when `id` is not a usable one. */
export function normalizeTraceId(id: unknown): string | null {
	if (typeof id !== 'string') return null;
	if (CANONICAL_64.test(id)) return id === ZERO_64 ? null : id;
	if (id.length === 0 || id.length > 32 || !HEX.test(id)) return null;
	const digits = stripLeadingZeros(id.toLowerCase());
	if (digits === '0') return null;
	return digits.length <= 16 ? digits.padStart(16, '0') : digits.padStart(32, '0');
}

/** Canonical span id (16 lower-case hex digits), or null when `id` is not a usable one. */
export function normalizeSpanId(id: unknown): string | null {
	if (typeof id !== 'string') return null;
	if (CANONICAL_64.test(id)) return id === ZERO_64 ? null : id;
	if (id.length === 0 || id.length > 16 || !HEX.test(id)) return null;
	const digits = stripLeadingZeros(id.toLowerCase());
	return digits === '0' ? null : digits.padStart(16, '0');
}
