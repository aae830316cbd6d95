// Reading traefik.yml's syntax tree against a schema, with the line of every node, so each refusal
// can say `traefik.yml line N: …`. Only the keys a schema names are descended into, so the walk's
// size is bounded by the schema (and the caps), never by what an alias expands to.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type YAMLMap } from 'yaml';
import { didYouMean } from './did-you-mean';

export class ConfigError extends Error {
	constructor(
		readonly line: number,
		readonly reason: string
	) {
		super(reason);
	}
}

/** An alias may point anywhere: following more than this many is refused. */
const MAX_ALIAS_FOLLOWS = 200;

export class YamlReader {
	private follows = 0;

	constructor(
		private readonly doc: Document,
		private readonly lines: LineCounter
	) {}

	lineOf(node: unknown, fallback = 1): number {
		const range = (node as { range?: [number, number, number] | null } | null)?.range;
		return range ? this.lines.linePos(range[0]).line : fallback;
	}

	/** The node itself, or what an alias names. */
	deref(node: unknown, line: number): unknown {
		if (!isAlias(node)) return node;
		if (++this.follows > MAX_ALIAS_FOLLOWS) throw new ConfigError(line, `too many aliases (at most ${MAX_ALIAS_FOLLOWS})`);
		const target = node.resolve(this.doc);
		if (target === undefined) throw new ConfigError(line, `unknown alias *${node.source}`);
		return target;
	}

	/** null/empty value (`jaeger:`) → null; anything but a map is a type error. */
	mapOrNull(node: unknown, what: string, line: number): YAMLMap | null {
		const n = this.deref(node, line);
		if (n === null || n === undefined || (isScalar(n) && n.value === null)) return null;
		if (!isMap(n)) throw new ConfigError(this.lineOf(n, line), `${what} must be a map (key: value lines), not ${kindOf(n)}`);
		return n;
	}

	map(node: unknown, what: string, line: number): YAMLMap {
		const m = this.mapOrNull(node, what, line);
		if (m === null) throw new ConfigError(line, `${what} is empty: it needs key: value lines`);
		return m;
	}

	/**
	 * The pairs of a map as [key, value, keyLine], keys checked against `known` (Traefik's keys are
	 * case-insensitive: `entrypoints` is `entryPoints`). `known` null: any key (router names …).
	 */
	entries(map: YAMLMap, where: string, known: readonly string[] | null, notSimulated: Record<string, string> = {}): [string, unknown, number][] {
		const out: [string, unknown, number][] = [];
		const seen = new Set<string>();
		for (const pair of map.items) {
			const keyNode = this.deref(pair.key, this.lineOf(map));
			const line = this.lineOf(keyNode, this.lineOf(map));
			if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
				throw new ConfigError(line, `a key in ${where} must be a plain name`);
			}
			const raw = String(keyNode.value);
			let key = raw;
			if (known !== null) {
				const match = known.find((k) => k.toLowerCase() === raw.toLowerCase());
				if (match === undefined) {
					const why = Object.entries(notSimulated).find(([k]) => k.toLowerCase() === raw.toLowerCase());
					if (why) throw new ConfigError(line, why[1]);
					throw new ConfigError(line, `unknown key ${raw} in ${where}${didYouMean(raw, known)}`);
				}
				key = match;
			}
			const dedupe = known !== null ? key.toLowerCase() : key;
			if (seen.has(dedupe)) throw new ConfigError(line, `${raw} appears twice in ${where}`);
			seen.add(dedupe);
			out.push([key, pair.value, line]);
		}
		return out;
	}

	seq(node: unknown, what: string, line: number): unknown[] {
		const n = this.deref(node, line);
		if (!isSeq(n)) throw new ConfigError(this.lineOf(n, line), `${what} must be a list (- item lines or [a, b]), not ${kindOf(n)}`);
		return n.items;
	}

	private scalar(node: unknown, what: string, line: number): { value: unknown; line: number } {
		const n = this.deref(node, line);
		const at = this.lineOf(n, line);
		if (n === null || n === undefined) return { value: null, line };
		if (!isScalar(n)) throw new ConfigError(at, `${what} must be a single value, not ${kindOf(n)}`);
		return { value: n.value, line: at };
	}

	string(node: unknown, what: string, line: number): { value: string; line: number } {
		const s = this.scalar(node, what, line);
		if (typeof s.value === 'string') return s as { value: string; line: number };
		if (typeof s.value === 'number' || typeof s.value === 'boolean') return { value: String(s.value), line: s.line };
		throw new ConfigError(s.line, `${what} needs a value`);
	}

	number(node: unknown, what: string, line: number): { value: number; line: number } {
		const s = this.scalar(node, what, line);
		const v = typeof s.value === 'string' && s.value.trim() !== '' ? Number(s.value) : s.value;
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(s.line, `${what} must be a number, not ${describeValue(s.value)}`);
		return { value: v, line: s.line };
	}

	bool(node: unknown, what: string, line: number): { value: boolean; line: number } {
		const s = this.scalar(node, what, line);
		if (typeof s.value === 'boolean') return s as { value: boolean; line: number };
		if (s.value === 'true' || s.value === 'false') return { value: s.value === 'true', line: s.line };
		throw new ConfigError(s.line, `${what} must be true or false, not ${describeValue(s.value)}`);
	}
}

function describeValue(v: unknown): string {
	if (v === null) return 'empty';
	return typeof v === 'string' ? `'${v.slice(0, 40)}'` : String(v);
}

function kindOf(n: unknown): string {
	if (isMap(n)) return 'a map';
	if (isSeq(n)) return 'a list';
	if (isScalar(n)) return n.value === null ? 'empty' : `the value ${describeValue(n.value)}`;
	return 'that';
}
