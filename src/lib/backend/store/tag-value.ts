import type { KeyValue } from '../../model/index';

/** A tag value as searches compare it: a string, like Jaeger's KeyValue.AsString(). */
export function tagValueString(kv: KeyValue): string {
	return typeof kv.value === 'string' ? kv.value : String(kv.value);
}
