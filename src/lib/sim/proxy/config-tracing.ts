// traefik.yml's `tracing` section: Traefik v2's Jaeger settings, with its names and defaults.
import type { YAMLMap } from 'yaml';
import { didYouMean } from './did-you-mean';
import { ConfigError, type YamlReader } from './yaml-read';

export type SamplingType = 'const' | 'probabilistic' | 'ratelimiting' | 'remote';

export interface JaegerConfig {
	samplingServerURL: string;
	samplingType: SamplingType;
	samplingParam: number;
	localAgentHostPort: string;
	gen128Bit: boolean;
	propagation: 'jaeger' | 'b3';
	traceContextHeaderName: string;
	disableAttemptReconnecting: boolean;
	collector: { endpoint: string; user: string; password: string } | null;
}

export interface TracingConfig {
	serviceName: string;
	spanNameLimit: number;
	jaeger: JaegerConfig;
}

/** Traefik v2's defaults (pkg/tracing/jaeger SetDefaults, static Tracing SetDefaults). */
export const JAEGER_DEFAULTS: JaegerConfig = {
	samplingServerURL: 'http://localhost:5778/sampling',
	samplingType: 'const',
	samplingParam: 1.0,
	localAgentHostPort: '127.0.0.1:6831',
	gen128Bit: false,
	propagation: 'jaeger',
	traceContextHeaderName: 'uber-trace-id',
	disableAttemptReconnecting: true,
	collector: null
};

const BACKENDS_NOT_SIMULATED = ['zipkin', 'datadog', 'instana', 'haystack', 'elastic'];
const SAMPLING_TYPES: SamplingType[] = ['const', 'probabilistic', 'ratelimiting', 'remote'];

/** The `tracing` section; `tracing: {}` (or empty) is Jaeger with its defaults. */
export function tracing(y: YamlReader, node: unknown, line: number): TracingConfig {
	const out: TracingConfig = { serviceName: 'traefik', spanNameLimit: 0, jaeger: { ...JAEGER_DEFAULTS } };
	const map = y.mapOrNull(node, 'tracing', line);
	if (map === null) return out; // `tracing: {}` — Jaeger with its defaults, as Traefik v2
	const notSim = Object.fromEntries(BACKENDS_NOT_SIMULATED.map((b) => [b, `the ${b} backend is not simulated here: use jaeger`]));
	for (const [key, value, at] of y.entries(map, 'tracing', ['serviceName', 'spanNameLimit', 'jaeger'], notSim)) {
		if (key === 'serviceName') {
			const s = y.string(value, 'serviceName', at);
			if (s.value.trim() === '' || s.value.length > 100) throw new ConfigError(s.line, 'serviceName must be a name (1 to 100 characters)');
			out.serviceName = s.value;
		} else if (key === 'spanNameLimit') {
			const n = y.number(value, 'spanNameLimit', at);
			if (!Number.isInteger(n.value) || n.value < 0) throw new ConfigError(n.line, 'spanNameLimit must be a whole number, 0 (no limit) or more');
			out.spanNameLimit = n.value;
		} else {
			out.jaeger = jaeger(y, value, at);
		}
	}
	return out;
}

const JAEGER_KEYS = [
	'samplingServerURL',
	'samplingType',
	'samplingParam',
	'localAgentHostPort',
	'gen128Bit',
	'propagation',
	'traceContextHeaderName',
	'disableAttemptReconnecting',
	'collector'
] as const;

function jaeger(y: YamlReader, node: unknown, line: number): JaegerConfig {
	const j: JaegerConfig = { ...JAEGER_DEFAULTS };
	const map: YAMLMap | null = y.mapOrNull(node, 'tracing.jaeger', line);
	if (map === null) return j;
	let paramLine = line;
	let typeLine = line;
	for (const [key, value, at] of y.entries(map, 'tracing.jaeger', JAEGER_KEYS)) {
		switch (key) {
			case 'samplingServerURL':
				j.samplingServerURL = httpUrl(y.string(value, key, at), key);
				break;
			case 'samplingType': {
				const s = y.string(value, key, at);
				typeLine = s.line;
				// jaeger-client-go compares the type in lower case (Traefik's docs write rateLimiting)
				const t = SAMPLING_TYPES.find((x) => x === s.value.toLowerCase());
				if (!t) throw new ConfigError(s.line, `unknown sampler type ${s.value}${didYouMean(s.value, SAMPLING_TYPES)}: use const, probabilistic, rateLimiting or remote`);
				j.samplingType = t;
				break;
			}
			case 'samplingParam': {
				const n = y.number(value, key, at);
				paramLine = n.line;
				j.samplingParam = n.value;
				break;
			}
			case 'localAgentHostPort':
				j.localAgentHostPort = hostPort(y.string(value, key, at));
				break;
			case 'gen128Bit':
			case 'disableAttemptReconnecting':
				j[key] = y.bool(value, key, at).value;
				break;
			case 'propagation': {
				const s = y.string(value, key, at);
				if (s.value !== 'jaeger' && s.value !== 'b3') throw new ConfigError(s.line, `unknown propagation format: ${s.value}${didYouMean(s.value, ['jaeger', 'b3'])} (jaeger or b3)`);
				j.propagation = s.value;
				break;
			}
			case 'traceContextHeaderName': {
				const s = y.string(value, key, at);
				if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/.test(s.value)) throw new ConfigError(s.line, `traceContextHeaderName '${s.value.slice(0, 40)}' is not a valid header name`);
				j.traceContextHeaderName = s.value;
				break;
			}
			case 'collector':
				j.collector = collector(y, value, at);
				break;
		}
	}
	const p = j.samplingParam;
	if (j.samplingType === 'probabilistic' && !(p >= 0 && p <= 1)) throw new ConfigError(paramLine, `the probabilistic sampler needs samplingParam between 0.0 and 1.0, not ${p}`);
	if (j.samplingType === 'ratelimiting' && p < 0) throw new ConfigError(paramLine, `the rateLimiting sampler needs samplingParam 0 or more (traces per second), not ${p}`);
	if (j.samplingType === 'remote' && !(p >= 0 && p <= 1)) throw new ConfigError(Math.max(paramLine, typeLine), `the remote sampler starts with samplingParam as its probability: between 0.0 and 1.0, not ${p}`);
	return j;
}

function collector(y: YamlReader, node: unknown, line: number): JaegerConfig['collector'] {
	const c = { endpoint: '', user: '', password: '' };
	const map = y.mapOrNull(node, 'collector', line);
	if (map === null) return null;
	for (const [key, value, at] of y.entries(map, 'tracing.jaeger.collector', ['endpoint', 'user', 'password'])) {
		const s = y.string(value, key, at);
		c[key as keyof typeof c] = key === 'endpoint' ? httpUrl(s, 'collector endpoint') : s.value;
	}
	return c.endpoint === '' ? null : c;
}

function httpUrl({ value, line }: { value: string; line: number }, what: string): string {
	let u: URL | null = null;
	try {
		u = new URL(value);
	} catch {
		// reported below
	}
	if (!u || u.protocol !== 'http:' || u.hostname === '') throw new ConfigError(line, `${what} '${value.slice(0, 80)}' must be an http:// URL`);
	return value;
}

/** 'jaeger-agent:6831' (a host and a port). */
function hostPort({ value, line }: { value: string; line: number }): string {
	const colon = value.lastIndexOf(':');
	const host = value.slice(0, colon);
	const port = value.slice(colon + 1);
	if (colon <= 0 || !/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535 || !/^[A-Za-z0-9.\-[\]:]+$/.test(host)) {
		throw new ConfigError(line, `localAgentHostPort '${value.slice(0, 80)}' must be host:port, e.g. jaeger-agent:6831`);
	}
	return value;
}
