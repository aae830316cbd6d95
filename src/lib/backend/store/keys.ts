// Index keys. One flat map holds every postings list, so each kind of key gets a prefix; NUL
// separates the parts because it cannot appear by accident in a name a learner types.
import type { KeyValue } from '../../model/index';

export const serviceKey = (service: string) => 's\u0000' + service;
export const operationKey = (service: string, op: string) => 'o\u0000' + service + '\u0000' + op;
/** (service, operation, span kind): only used to list operations with their kinds. */
export const kindKey = (service: string, op: string, kind: string) => 'k\u0000' + service + '\u0000' + op + '\u0000' + kind;
/** A tag as the query sees it: the value compared as a string, like Jaeger's KeyValue.AsString(). */
export const tagKey = (key: string, value: string) => 't\u0000' + key + '\u0000' + value;

export function tagValueString(kv: KeyValue): string {
	return typeof kv.value === 'string' ? kv.value : String(kv.value);
}
