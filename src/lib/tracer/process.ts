// The Process a tracer reports with every span: service name + tracer tags, as jaeger-client builds it.
import type { Process } from '$lib/model';
import { CLIENT_UUID_TAG, HOSTNAME_TAG, IP_TAG, JAEGER_VERSION_TAG, TRACER_VERSION } from './constants';
import { uuid4 } from './ids';
import { objectToKeyValues } from './key_values';

/**
 * In the simulation a service is its own host, so `hostname` defaults to the service name and `ip`
 * to a stable private address derived from it; both can be overridden through tracer tags.
 */
export function buildProcess(serviceName: string, userTags: Record<string, unknown> = {}): Process {
	const tags: Record<string, unknown> = { ...userTags };
	tags[JAEGER_VERSION_TAG] = TRACER_VERSION;
	tags[HOSTNAME_TAG] = userTags[HOSTNAME_TAG] ?? serviceName;
	tags[IP_TAG] = userTags[IP_TAG] ?? simulatedIp(serviceName);
	tags[CLIENT_UUID_TAG] = uuid4();
	return { serviceName, tags: objectToKeyValues(tags) };
}

/** 10.0.x.y from a string hash: the same service gets the same address on every run. */
export function simulatedIp(name: string): string {
	let h = 2166136261;
	for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
	h >>>= 0;
	return `10.0.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}
