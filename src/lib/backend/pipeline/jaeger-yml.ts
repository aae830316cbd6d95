// jaeger.yml → PipelineConfig. The file is ours (Jaeger itself takes flags such as
// --collector.queue-size); each key names the flag it stands for in the README. A bad file is
// refused with its line and a reason, never half-used.
import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { DEFAULT_PIPELINE, FAULTS, indexPrefixProblem, PIPELINE_LIMITS, STORAGE_TYPES, type PipelineConfig } from './config';

export const PIPELINE_FILE = 'jaeger.yml';
const MAX_BYTES = 16 * 1024;

export type PipelineConfigResult = { ok: true; config: PipelineConfig } | { ok: false; line: number; message: string };

type Kind = { type: 'int'; range: readonly [number, number] } | { type: 'enum'; values: readonly string[] } | { type: 'bool' } | { type: 'prefix' } | { type: 'topic' };

const L = PIPELINE_LIMITS;
const SCHEMA: Record<keyof PipelineConfig, Record<string, Kind>> = {
	agent: {
		queueSize: { type: 'int', range: L.queueSize },
		workers: { type: 'int', range: L.workers },
		maxPacketSize: { type: 'int', range: L.maxPacketSize },
		fault: { type: 'enum', values: FAULTS }
	},
	collector: {
		queueSize: { type: 'int', range: L.queueSize },
		workers: { type: 'int', range: L.workers },
		fault: { type: 'enum', values: FAULTS }
	},
	storage: {
		type: { type: 'enum', values: STORAGE_TYPES },
		indexPrefix: { type: 'prefix' },
		fault: { type: 'enum', values: FAULTS }
	},
	kafka: {
		enabled: { type: 'bool' },
		topic: { type: 'topic' },
		capacity: { type: 'int', range: L.capacity },
		ingesterRate: { type: 'int', range: L.ingesterRate }
	},
	query: { traceSelf: { type: 'bool' } }
};

class Refusal extends Error {
	constructor(
		readonly line: number,
		reason: string
	) {
		super(reason);
	}
}

/** Parses and checks jaeger.yml; an empty file is Jaeger's defaults. */
export function parsePipelineConfig(source: string): PipelineConfigResult {
	try {
		return { ok: true, config: read(source) };
	} catch (e) {
		const line = e instanceof Refusal ? e.line : 1;
		const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
		return { ok: false, line, message: `${PIPELINE_FILE} line ${line}: ${reason}` };
	}
}

function read(source: string): PipelineConfig {
	if (source.length > MAX_BYTES) throw new Refusal(1, `the file is ${source.length} characters long (at most ${MAX_BYTES})`);
	const lines = new LineCounter();
	const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
	const err = doc.errors[0];
	if (err) throw new Refusal(err.linePos?.[0].line ?? 1, err.message.split(' at line ')[0]);
	const lineOf = (node: unknown, fallback: number) => {
		const range = (node as { range?: [number, number, number] } | null)?.range;
		return range ? lines.linePos(range[0]).line : fallback;
	};
	const config = structuredClone(DEFAULT_PIPELINE) as unknown as Record<string, Record<string, unknown>>;
	const root = doc.contents;
	if (root === null || (isScalar(root) && root.value === null)) return config as unknown as PipelineConfig;
	if (!isMap(root)) throw new Refusal(lineOf(root, 1), 'the file must be sections (agent:, collector:, storage:, kafka:, query:) of key: value lines');
	for (const pair of root.items) {
		const sectionLine = lineOf(pair.key, 1);
		const section = keyName(pair.key, sectionLine);
		const schema = SCHEMA[section as keyof PipelineConfig];
		if (!schema) throw new Refusal(sectionLine, `unknown section ${section}: the sections are ${Object.keys(SCHEMA).join(', ')}`);
		const value = pair.value;
		if (value === null || (isScalar(value) && value.value === null)) continue;
		if (!isMap(value)) throw new Refusal(lineOf(value, sectionLine), `${section} must hold key: value lines`);
		for (const item of (value as YAMLMap).items) {
			const line = lineOf(item.key, sectionLine);
			const key = keyName(item.key, line);
			const kind = schema[key];
			if (!kind) throw new Refusal(line, `unknown key ${key} in ${section}: it takes ${Object.keys(schema).join(', ')}`);
			const v = isScalar(item.value) ? item.value.value : item.value === null ? null : undefined;
			config[section][key] = checked(v, kind, `${section}.${key}`, lineOf(item.value, line));
		}
	}
	return config as unknown as PipelineConfig;
}

function keyName(node: unknown, line: number): string {
	if (!isScalar(node) || typeof node.value !== 'string') throw new Refusal(line, 'a key must be a plain name');
	return node.value;
}

function checked(v: unknown, kind: Kind, name: string, line: number): unknown {
	switch (kind.type) {
		case 'int': {
			const [lo, hi] = kind.range;
			if (typeof v !== 'number' || !Number.isInteger(v)) throw new Refusal(line, `${name} must be a whole number, not ${show(v)}`);
			if (v < lo || v > hi) throw new Refusal(line, `${name} must be between ${lo} and ${hi}, not ${v}`);
			return v;
		}
		case 'enum':
			if (typeof v !== 'string' || !kind.values.includes(v)) throw new Refusal(line, `${name} must be one of ${kind.values.join(', ')}, not ${show(v)}`);
			return v;
		case 'bool':
			if (typeof v !== 'boolean') throw new Refusal(line, `${name} must be true or false, not ${show(v)}`);
			return v;
		case 'prefix': {
			const s = v === null ? '' : String(v);
			const problem = indexPrefixProblem(s);
			if (problem) throw new Refusal(line, `${name} ${problem}`);
			return s;
		}
		case 'topic':
			if (typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(v)) throw new Refusal(line, `${name} must be a Kafka topic name (letters, digits, . _ -), not ${show(v)}`);
			return v;
	}
}

function show(v: unknown): string {
	if (v === null || v === undefined) return 'nothing';
	if (typeof v === 'object') return 'a list or map';
	return JSON.stringify(v);
}
