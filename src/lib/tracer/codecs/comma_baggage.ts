// `jaeger-baggage: k1=v1, k2=v2` — baggage set by a caller that is not itself traced (curl, a test).
import type { Baggage } from '../span_context';

export function parseCommaSeparatedBaggage(baggage: Baggage, header: string): void {
	for (const item of header.split(',')) {
		const kv = item.trim().split('=');
		if (kv.length === 2 && kv[0] !== '') baggage[kv[0]] = kv[1];
	}
}
