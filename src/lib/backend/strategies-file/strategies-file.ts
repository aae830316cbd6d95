// Jaeger's sampling strategies file (`--sampling.strategies-file`, v2's `remote_sampling.file.path`)
// read into the strategies the agent serves, the way Jaeger's file provider builds its responses:
// a service's own operation strategies merged over the default's, a service without any inheriting
// the default's with its own probability, ratelimiting operation entries skipped.
//
// Stricter than Jaeger where Jaeger's leniency hides a learner's mistake: unknown keys, unknown
// types, probabilities outside [0, 1], a string where a number belongs and a service listed twice
// refuse the whole file (Jaeger would ignore, fall back or keep the last one silently). What Jaeger
// itself accepts with a warning (a missing type, ratelimiting per operation, a fractional rate limit)
// loads with the same warning.
import type { OperationSamplingStrategy, SamplingConfig, SamplingStrategy } from '../sampling';
import { formatPath, nestingDepth, pathKey, syntaxErrorLine, valueLines, type JsonPath } from './json-lines';

export interface StrategiesFileProblem {
	message: string;
	/** where in the file, e.g. "service_strategies[1].param" */
	path: string;
	/** 1-based line in the file, when known */
	line: number | null;
}

export type StrategiesFileResult =
	| { ok: true; config: SamplingConfig; warnings: StrategiesFileProblem[] }
	| { ok: false; errors: StrategiesFileProblem[]; warnings: StrategiesFileProblem[] };

export interface StrategiesFileOptions {
	/** for services the file does not name and entries without a type; 1 like the v2 all-in-one */
	defaultSamplingProbability?: number;
}

/** Bounds for an untrusted file: it crosses from the learner's editor into the backend worker. */
export const STRATEGIES_FILE_LIMITS = { maxChars: 256 * 1024, maxDepth: 16, maxServices: 500, maxOperations: 2000, maxProblems: 20 } as const;

const TOP_KEYS = ['default_strategy', 'service_strategies'];
const STRATEGY_KEYS = ['type', 'param', 'operation_strategies', 'default_lower_bound_traces_per_second'];
const SERVICE_KEYS = ['service', ...STRATEGY_KEYS];
const OPERATION_KEYS = ['operation', 'type', 'param'];
const TYPES = ['probabilistic', 'ratelimiting'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks a strategies file; on success the config to hand to the sampling manager. */
export function parseStrategiesFile(text: string, options: StrategiesFileOptions = {}): StrategiesFileResult {
	const defaultProbability = options.defaultSamplingProbability ?? 1;
	const errors: StrategiesFileProblem[] = [];
	const warnings: StrategiesFileProblem[] = [];
	const fail = (message: string, line: number | null = null) => ({ ok: false as const, errors: [{ message, path: '(top level)', line }], warnings });

	if (typeof text !== 'string' || text.trim() === '') return fail('the file is empty: expected a JSON object with "default_strategy" and/or "service_strategies"');
	if (text.length > STRATEGIES_FILE_LIMITS.maxChars) return fail(`the file is ${text.length} characters; at most ${STRATEGIES_FILE_LIMITS.maxChars} are read`);
	// the format nests four levels; a deeper file is no strategies file, and must not exhaust the stack
	if (nestingDepth(text) > STRATEGIES_FILE_LIMITS.maxDepth) return fail(`the file nests more than ${STRATEGIES_FILE_LIMITS.maxDepth} levels deep; a strategies file has four`);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		const message = (e as Error).message;
		return fail(`not valid JSON: ${message}`, syntaxErrorLine(text, message));
	}
	const lines = valueLines(text);
	const at = (path: JsonPath) => ({ path: formatPath(path), line: lines.get(pathKey(path)) ?? null });
	const error = (path: JsonPath, message: string) => void (errors.length < STRATEGIES_FILE_LIMITS.maxProblems && errors.push({ message, ...at(path) }));
	const warn = (path: JsonPath, message: string) => void (warnings.length < STRATEGIES_FILE_LIMITS.maxProblems && warnings.push({ message, ...at(path) }));

	const unknownKeys = (o: Json, allowed: string[], path: JsonPath, what: string) => {
		for (const k of Object.keys(o))
			if (!allowed.includes(k)) {
				const near = allowed.find((a) => similar(a, k));
				error([...path, k], `unknown key "${k}" in ${what}${near ? ` — did you mean "${near}"?` : ` (allowed: ${allowed.join(', ')})`}`);
			}
	};

	/** {type, param} → the served strategy; null after an error. */
	const strategyOf = (o: Json, path: JsonPath): SamplingStrategy | null => {
		const { type, param } = o;
		if (type === undefined) {
			warn(path, `no "type": Jaeger serves probabilistic ${defaultProbability} here`);
			return probabilistic(defaultProbability);
		}
		if (typeof type !== 'string' || !TYPES.includes(type)) {
			error([...path, 'type'], `"type" must be "probabilistic" or "ratelimiting", not ${JSON.stringify(type)}`);
			return null;
		}
		if (param !== undefined && (typeof param !== 'number' || !Number.isFinite(param))) {
			error([...path, 'param'], `"param" must be a number, not ${JSON.stringify(param)}`);
			return null;
		}
		if (param === undefined) warn(path, `no "param": Jaeger reads 0, so this ${type} strategy samples nothing`);
		const p = param ?? 0;
		if (type === 'probabilistic') {
			if (p < 0 || p > 1) {
				error([...path, 'param'], `a probabilistic "param" is a probability from 0 to 1 (0.01 is 1 %), not ${p}`);
				return null;
			}
			return probabilistic(p);
		}
		if (p < 0) {
			error([...path, 'param'], `a ratelimiting "param" is traces per second, 0 or more, not ${p}`);
			return null;
		}
		if (!Number.isInteger(p)) warn([...path, 'param'], `Jaeger serves whole traces per second: ${p} becomes ${Math.trunc(p)}`);
		return { strategyType: 'RATE_LIMITING', rateLimitingSampling: { maxTracesPerSecond: Math.trunc(p) } };
	};

	/** A default or service entry: its strategy, plus operationSampling when it lists operations or a lower bound. */
	const entryOf = (o: Json, path: JsonPath): SamplingStrategy | null => {
		const s = strategyOf(o, path);
		const lowerBound = o.default_lower_bound_traces_per_second;
		if (lowerBound !== undefined && (typeof lowerBound !== 'number' || !Number.isFinite(lowerBound) || lowerBound < 0))
			error([...path, 'default_lower_bound_traces_per_second'], `"default_lower_bound_traces_per_second" must be a number of traces per second, 0 or more`);
		const ops = o.operation_strategies;
		if (ops !== undefined && !Array.isArray(ops)) {
			error([...path, 'operation_strategies'], `"operation_strategies" must be a list of {"operation", "type", "param"}`);
			return null;
		}
		if (!s) return null;
		if ((ops === undefined || ops.length === 0) && lowerBound === undefined) return s;
		const perOperation: OperationSamplingStrategy[] = [];
		const seen = new Set<string>();
		(ops ?? []).slice(0, STRATEGIES_FILE_LIMITS.maxOperations).forEach((op: unknown, i: number) => {
			const p = [...path, 'operation_strategies', i];
			if (!isObject(op)) return error(p, 'each operation strategy is an object {"operation", "type", "param"}');
			unknownKeys(op, OPERATION_KEYS, p, 'an operation strategy');
			if (typeof op.operation !== 'string' || op.operation === '') return error(p, 'an operation strategy needs "operation": the span name it applies to');
			if (seen.has(op.operation)) return error([...p, 'operation'], `operation "${op.operation}" is listed twice in this list`);
			seen.add(op.operation);
			if (op.type === 'ratelimiting')
				return warn([...p, 'type'], `operation "${op.operation}": Jaeger supports only probabilistic per operation; this entry is skipped and the operation gets the default probability`);
			const os = strategyOf(op, p);
			if (os?.probabilisticSampling) perOperation.push({ operation: op.operation, probabilisticSampling: { samplingRate: os.probabilisticSampling.samplingRate } });
		});
		if ((ops?.length ?? 0) > STRATEGIES_FILE_LIMITS.maxOperations) error([...path, 'operation_strategies'], `at most ${STRATEGIES_FILE_LIMITS.maxOperations} operation strategies per list`);
		s.operationSampling = {
			defaultSamplingProbability: s.probabilisticSampling?.samplingRate ?? defaultProbability,
			defaultLowerBoundTracesPerSecond: typeof lowerBound === 'number' ? lowerBound : 0,
			perOperationStrategies: perOperation,
			defaultUpperBoundTracesPerSecond: 0
		};
		return s;
	};

	if (!isObject(doc)) return fail('expected a JSON object with "default_strategy" and/or "service_strategies"', 1);
	unknownKeys(doc, TOP_KEYS, [], 'the file');

	let fallback: SamplingStrategy = probabilistic(defaultProbability);
	let fallbackLowerBound: number | undefined;
	const d = doc.default_strategy;
	if (d !== undefined && d !== null) {
		if (!isObject(d)) error(['default_strategy'], '"default_strategy" must be an object {"type", "param", "operation_strategies"}');
		else {
			unknownKeys(d, STRATEGY_KEYS, ['default_strategy'], '"default_strategy"');
			fallback = entryOf(d, ['default_strategy']) ?? fallback;
			if (typeof d.default_lower_bound_traces_per_second === 'number') fallbackLowerBound = d.default_lower_bound_traces_per_second;
		}
	}

	// null-prototype: a service may be called "__proto__"
	const services: Record<string, SamplingStrategy> = Object.create(null);
	const named = new Set<string>();
	const list = doc.service_strategies;
	if (list !== undefined && list !== null && !Array.isArray(list)) error(['service_strategies'], '"service_strategies" must be a list of {"service", "type", "param"}');
	else if (Array.isArray(list)) {
		if (list.length > STRATEGIES_FILE_LIMITS.maxServices) error(['service_strategies'], `at most ${STRATEGIES_FILE_LIMITS.maxServices} service strategies`);
		list.slice(0, STRATEGIES_FILE_LIMITS.maxServices).forEach((o: unknown, i: number) => {
			const p = ['service_strategies', i];
			if (!isObject(o)) return error(p, 'each service strategy is an object {"service", "type", "param"}');
			unknownKeys(o, SERVICE_KEYS, p, 'a service strategy');
			if (typeof o.service !== 'string' || o.service === '') return error(p, 'a service strategy needs "service": the name the tracer was given');
			if (named.has(o.service)) return error([...p, 'service'], `service "${o.service}" is listed twice (Jaeger would keep only the last)`);
			named.add(o.service);
			const s = entryOf(o, p);
			if (s) services[o.service] = inheritOperations(s, fallback, typeof o.default_lower_bound_traces_per_second === 'number' ? undefined : fallbackLowerBound);
		});
	}

	if (errors.length > 0) return { ok: false, errors, warnings };
	return { ok: true, config: { default: fallback, services }, warnings };
}

/**
 * Jaeger's merge: the default's operation strategies apply to every service. A service without its
 * own gets a copy (with its own probability as the default, when it is probabilistic); one with its
 * own keeps them and gains the default's other operations.
 */
function inheritOperations(s: SamplingStrategy, fallback: SamplingStrategy, fallbackLowerBound: number | undefined): SamplingStrategy {
	const base = fallback.operationSampling;
	if (!base) return s;
	if (!s.operationSampling) {
		s.operationSampling = structuredClone(base);
		if (s.probabilisticSampling) s.operationSampling.defaultSamplingProbability = s.probabilisticSampling.samplingRate;
		return s;
	}
	const own = new Set(s.operationSampling.perOperationStrategies.map((o) => o.operation));
	for (const o of base.perOperationStrategies) if (!own.has(o.operation)) s.operationSampling.perOperationStrategies.push(structuredClone(o));
	if (fallbackLowerBound !== undefined && s.operationSampling.defaultLowerBoundTracesPerSecond === 0) s.operationSampling.defaultLowerBoundTracesPerSecond = fallbackLowerBound;
	return s;
}

const probabilistic = (samplingRate: number): SamplingStrategy => ({ strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate } });

/** A typo of a known key: one edit apart, or (case, '-' and '_' set aside) the same word with another ending. */
function similar(a: string, b: string): boolean {
	const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
	const [x, y] = [norm(a), norm(b)];
	let common = 0;
	while (common < x.length && x[common] === y[common]) common++;
	// the same word with another ending: operation_strategy, default_strategies
	if (common >= 6 && common >= Math.max(x.length, y.length) - 3) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
