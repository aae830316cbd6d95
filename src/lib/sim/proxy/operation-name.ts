// Traefik v2's span names: `prefix + " " + parts joined by sep`; over `spanNameLimit` each part is cut
// to fit and the first 8 hex digits of the full name's SHA-256 are appended, so long names that
// differ stay distinct (traefik pkg/tracing/operation_name.go, read for behaviour).
import { sha256Hex } from './sha256';

const HASH_LENGTH = 8;
/** 8 hash characters and 2 separators */
const FIXED_CHARS = 10;

export interface OperationName {
	name: string;
	/** the limit was below what a name needs: Traefik warns and uses this instead */
	fellBackTo: number | null;
}

function truncate(s: string, num: number): string {
	if (s.length <= num) return s;
	return s.slice(0, num > 3 ? num - 3 : num) + '...';
}

export function generateOperationName(prefix: string, parts: readonly string[], sep: string, spanLimit: number): OperationName {
	const name = `${prefix} ${parts.join(sep)}`;
	if (spanLimit <= 0 || name.length <= spanLimit) return { name, fellBackTo: null };
	const maxLength = FIXED_CHARS + prefix.length + 1;
	let limit = spanLimit;
	let fellBackTo: number | null = null;
	if (limit < maxLength) limit = fellBackTo = maxLength + 3;
	const each = Math.floor((limit - maxLength) / 2);
	const fragments = parts.map((p) => truncate(p, each));
	fragments.push(sha256Hex(name).slice(0, HASH_LENGTH));
	return { name: `${prefix} ${fragments.join(sep)}`, fellBackTo };
}
