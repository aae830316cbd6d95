// traefik.yml: good files give the proxy's configuration; each kind of bad file is refused with its
// line and a reason (and a "did you mean" when the mistake is a typo).
import { describe, expect, it } from 'vitest';
import { parseTraefikConfig, type TraefikConfig } from '../../../../src/lib/sim/proxy/config';

const good = `entryPoints:
  web:
    address: ':80'
http:
  routers:
    shop:
      rule: "Host(\`shop.local\`) && PathPrefix(\`/api\`)"
      service: frontend
      entryPoints: [web]
    catchall:
      rule: "Host(\`shop.local\`)"
      service: frontend@file
  services:
    frontend:
      loadBalancer:
        servers:
          - url: 'http://frontend:8080'
          - url: 'http://frontend-2:8080'
tracing:
  serviceName: edge
  jaeger:
    samplingType: probabilistic
    samplingParam: 0.5
    localAgentHostPort: jaeger-agent:6831
    propagation: b3
`;

function ok(src: string): TraefikConfig {
	const r = parseTraefikConfig(src);
	if (!r.ok) throw new Error(r.message);
	return r.config;
}

function refused(src: string): string {
	const r = parseTraefikConfig(src);
	if (r.ok) throw new Error('accepted');
	return r.message;
}

describe('traefik.yml, good files', () => {
	it('reads entry points, routers (qualified @file, longest rule first), services and tracing', () => {
		const c = ok(good);
		expect(c.entryPoints).toEqual([{ name: 'web', port: 80 }]);
		expect(c.routers.map((r) => [r.name, r.service, r.priority, r.entryPoints])).toEqual([
			['shop@file', 'frontend@file', 40, ['web']],
			['catchall@file', 'frontend@file', 18, null]
		]);
		expect(c.services.get('frontend@file')).toEqual({ name: 'frontend@file', servers: ['http://frontend:8080', 'http://frontend-2:8080'], passHostHeader: true });
		expect(c.tracing).toMatchObject({ serviceName: 'edge', spanNameLimit: 0, jaeger: { samplingType: 'probabilistic', samplingParam: 0.5, propagation: 'b3', traceContextHeaderName: 'uber-trace-id' } });
	});

	it('tracing: {} is Jaeger with Traefik v2’s defaults; no tracing key is tracing off', () => {
		const c = ok('tracing: {}\n');
		expect(c.tracing).toEqual({
			serviceName: 'traefik',
			spanNameLimit: 0,
			jaeger: {
				samplingServerURL: 'http://localhost:5778/sampling',
				samplingType: 'const',
				samplingParam: 1,
				localAgentHostPort: '127.0.0.1:6831',
				gen128Bit: false,
				propagation: 'jaeger',
				traceContextHeaderName: 'uber-trace-id',
				disableAttemptReconnecting: true,
				collector: null
			}
		});
		expect(ok('tracing:\n  jaeger:\n').tracing?.jaeger.samplingType).toBe('const');
		expect(ok('http: {routers: {}, services: {}}\n').tracing).toBeNull();
	});

	it('without entryPoints it listens on :80 as "http"; keys are case-insensitive like Traefik’s', () => {
		expect(ok('tracing: {}\n').entryPoints).toEqual([{ name: 'http', port: 80 }]);
		const c = ok("entrypoints:\n  web:\n    Address: '0.0.0.0:8080/tcp'\ntracing:\n  jaeger:\n    samplingtype: rateLimiting\n    samplingParam: 2\n");
		expect(c.entryPoints).toEqual([{ name: 'web', port: 8080 }]);
		expect(c.tracing?.jaeger).toMatchObject({ samplingType: 'ratelimiting', samplingParam: 2 });
	});

	it('an explicit priority beats rule length; equal priorities keep the file’s order', () => {
		const c = ok(`http:
  routers:
    a: {rule: "Path(\`/x\`)", service: s}
    b: {rule: "Path(\`/y\`)", service: s}
    c: {rule: "Path(\`/z\`)", service: s, priority: 100}
  services:
    s: {loadBalancer: {servers: [{url: 'http://s:1'}]}}
`);
		expect(c.routers.map((r) => r.name)).toEqual(['c@file', 'a@file', 'b@file']);
	});

	it('collector endpoint, header name, 128-bit ids; providers/log are accepted with a note', () => {
		const c = ok(`providers:
  file: {filename: /etc/traefik/dynamic.yml}
tracing:
  spanNameLimit: 40
  jaeger:
    traceContextHeaderName: x-trace
    gen128Bit: true
    collector:
      endpoint: http://jaeger-collector:14268/api/traces?format=jaeger.thrift
`);
		expect(c.tracing?.jaeger).toMatchObject({ traceContextHeaderName: 'x-trace', gen128Bit: true, collector: { endpoint: 'http://jaeger-collector:14268/api/traces?format=jaeger.thrift' } });
		expect(c.notes).toEqual(['traefik.yml line 1: providers is accepted but not simulated']);
	});

	it('aliases are followed (a shared server list)', () => {
		const c = ok(`http:
  routers:
    a: {rule: "Host(\`a\`)", service: s}
  services:
    s:
      loadBalancer:
        servers: &servers
          - url: http://one:80
    t:
      loadBalancer:
        servers: *servers
`);
		expect(c.services.get('t@file')?.servers).toEqual(['http://one:80']);
	});
});

describe('traefik.yml, bad files (line and reason)', () => {
	const cases: [string, string, string][] = [
		['a YAML syntax error', 'http:\n  routers: [a, b\nx: 1\n', 'traefik.yml line 3: Flow sequence in block collection must be sufficiently indented and end with a ]'],
		['a duplicate key', 'tracing: {}\ntracing: {}\n', 'traefik.yml line 2: Map keys must be unique'],
		['an unknown top-level key, close to one', 'tracng: {}\n', 'traefik.yml line 1: unknown key tracng in the file (did you mean tracing?)'],
		['an unknown key far from any', 'bananas: 1\n', 'traefik.yml line 1: unknown key bananas in the file'],
		['a real Traefik key not simulated', 'tcp: {}\n', 'traefik.yml line 1: tcp routers are not simulated here: only http'],
		['a misspelt jaeger key', 'tracing:\n  jaeger:\n    samplingTyp: const\n', 'traefik.yml line 3: unknown key samplingTyp in tracing.jaeger (did you mean samplingType?)'],
		['an unknown propagation', 'tracing:\n  jaeger:\n    propagation: w3c\n', 'traefik.yml line 3: unknown propagation format: w3c (jaeger or b3)'],
		['a misspelt propagation', 'tracing:\n  jaeger:\n    propagation: jager\n', 'traefik.yml line 3: unknown propagation format: jager (did you mean jaeger?) (jaeger or b3)'],
		['an unknown sampling type', 'tracing:\n  jaeger:\n    samplingType: probabilstic\n', 'traefik.yml line 3: unknown sampler type probabilstic (did you mean probabilistic?): use const, probabilistic, rateLimiting or remote'],
		['a probability above 1', 'tracing:\n  jaeger:\n    samplingType: probabilistic\n    samplingParam: 10\n', 'traefik.yml line 4: the probabilistic sampler needs samplingParam between 0.0 and 1.0, not 10'],
		['a string for a number', 'tracing:\n  jaeger:\n    samplingParam: lots\n', "traefik.yml line 3: samplingParam must be a number, not 'lots'"],
		['a list for a boolean', 'tracing:\n  jaeger:\n    gen128Bit: [1]\n', 'traefik.yml line 3: gen128Bit must be a single value, not a list'],
		['a scalar for a map', 'tracing: yes please\n', "traefik.yml line 1: tracing must be a map (key: value lines), not the value 'yes please'"],
		['another backend', 'tracing:\n  zipkin: {}\n', 'traefik.yml line 2: the zipkin backend is not simulated here: use jaeger'],
		['a bad agent address', 'tracing:\n  jaeger:\n    localAgentHostPort: jaeger-agent\n', "traefik.yml line 3: localAgentHostPort 'jaeger-agent' must be host:port, e.g. jaeger-agent:6831"],
		['a bad entry point address', "entryPoints:\n  web:\n    address: '80'\n", "traefik.yml line 3: address '80' must be [host]:port, e.g. ':80'"],
		['two entry points on one port', "entryPoints:\n  web: {address: ':80'}\n  other: {address: ':80'}\n", 'traefik.yml line 3: entry points web and other both listen on :80'],
		[
			'a router naming a missing service',
			"http:\n  routers:\n    shop:\n      rule: \"Host(`a`)\"\n      service: fronted\n  services:\n    frontend: {loadBalancer: {servers: [{url: 'http://f:1'}]}}\n",
			'traefik.yml line 5: the service "fronted@file" does not exist (did you mean frontend?)'
		],
		['a router without a rule', "http:\n  routers:\n    shop:\n      service: s\n  services:\n    s: {loadBalancer: {servers: [{url: 'http://f:1'}]}}\n", 'traefik.yml line 3: router shop needs a rule, e.g. rule: "Host(`shop.local`)"'],
		[
			'a rule that does not parse',
			"http:\n  routers:\n    shop:\n      rule: \"Host(`a`) and Path(`/`)\"\n      service: s\n  services:\n    s: {loadBalancer: {servers: [{url: 'http://f:1'}]}}\n",
			"traefik.yml line 4: rule \"Host(`a`) and Path(`/`)\": expected && or || , found 'and' at column 11"
		],
		[
			'a misspelt matcher',
			"http:\n  routers:\n    shop:\n      rule: \"Hots(`a`)\"\n      service: s\n  services:\n    s: {loadBalancer: {servers: [{url: 'http://f:1'}]}}\n",
			'traefik.yml line 4: rule "Hots(`a`)": unknown matcher Hots (did you mean Host?)'
		],
		[
			'a router on an unknown entry point',
			"entryPoints:\n  web: {address: ':80'}\nhttp:\n  routers:\n    shop:\n      rule: \"Host(`a`)\"\n      service: s\n      entryPoints: [websecure]\n  services:\n    s: {loadBalancer: {servers: [{url: 'http://f:1'}]}}\n",
			'traefik.yml line 8: entry point websecure does not exist'
		],
		['a server that is not a URL', "http:\n  services:\n    s:\n      loadBalancer:\n        servers:\n          - url: frontend:8080\n", "traefik.yml line 6: server url 'frontend:8080' must start with http://"],
		['a server that is the proxy itself', "http:\n  services:\n    s:\n      loadBalancer:\n        servers:\n          - url: http://traefik:80\n", "traefik.yml line 6: server url 'http://traefik:80' is traefik itself: every request would loop back to the proxy"],
		['middlewares', "http:\n  middlewares: {}\n", 'traefik.yml line 2: middlewares are not simulated here'],
		['an empty file', '', 'traefik.yml line 1: the file is empty: it needs entryPoints, http (routers and services) and tracing'],
		['an upper-case header name with spaces', 'tracing:\n  jaeger:\n    traceContextHeaderName: "x trace"\n', "traefik.yml line 3: traceContextHeaderName 'x trace' is not a valid header name"]
	];
	it.each(cases)('%s', (_what, src, message) => {
		expect(refused(src)).toBe(message);
	});
});

describe('traefik.yml, hostile files', () => {
	it('a huge file is refused before it is parsed', () => {
		const t = performance.now();
		expect(refused('# x\n'.repeat(100_000))).toBe('traefik.yml line 1: the file is 400000 characters long (at most 65536)');
		expect(performance.now() - t).toBeLessThan(200);
	});

	it('deep nesting (flow or block) is refused with its line', () => {
		expect(refused('a: ' + '['.repeat(5000) + ']'.repeat(5000))).toBe('traefik.yml line 1: brackets nested more than 32 deep');
		let block = '';
		for (let i = 0; i < 300; i++) block += ' '.repeat(i) + 'k:\n';
		expect(refused(block)).toBe('traefik.yml line 202: indented more than 200 columns: nested too deeply');
	});

	it('an alias bomb is refused quickly (maxAliasCount)', () => {
		let src = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
		let prev = 'a';
		for (let i = 0; i < 9; i++) {
			src += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
			prev = `b${i}`;
		}
		const t = performance.now();
		expect(refused(src)).toBe('traefik.yml line 1: too many aliases: they expand to too much');
		expect(performance.now() - t).toBeLessThan(500);
	});

	it('__proto__ and constructor as names are just names', () => {
		const c = ok(`http:
  routers:
    __proto__: {rule: "Host(\`a\`)", service: constructor}
  services:
    constructor: {loadBalancer: {servers: [{url: 'http://c:1'}]}}
`);
		expect(c.routers[0].name).toBe('__proto__@file');
		expect(({} as Record<string, unknown>).rule).toBeUndefined();
	});

	it('too many routers, an over-long rule', () => {
		let src = 'http:\n  routers:\n';
		for (let i = 0; i < 201; i++) src += `    r${i}: {rule: "Host(\`a\`)", service: s}\n`;
		src += "  services:\n    s: {loadBalancer: {servers: [{url: 'http://s:1'}]}}\n";
		expect(refused(src)).toBe('traefik.yml line 203: more than 200 routers');
		const long = `http:\n  routers:\n    r: {rule: "${'Host(`a`) || '.repeat(200)}Host(\`b\`)", service: s}\n  services:\n    s: {loadBalancer: {servers: [{url: 'http://s:1'}]}}\n`;
		expect(refused(long)).toMatch(/^traefik\.yml line 3: rule ".*": the rule is 2609 characters long \(at most 2000\)$/);
	});
});
