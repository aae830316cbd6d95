import { decodeVlq } from './vlq';

export interface OriginalPosition {
	source: string;
	/** 1-based */
	line: number;
	/** 1-based */
	column: number;
}

interface RawMap {
	version: number;
	sources: string[];
	sourceRoot?: string;
	mappings: string;
}

/** [generatedColumn, sourceIndex, originalLine, originalColumn], 0-based, per generated line */
type Segment = [number, number, number, number];

/**
 * A decoded source map that answers "where in the learner's file is bundle line:column?".
 * Small on purpose: esbuild's maps are version 3 without sections, and we only need lookups.
 */
export class SourceMap {
	readonly sources: string[];
	readonly #lines: Segment[][];

	constructor(raw: RawMap, stripPrefix = '') {
		this.sources = raw.sources.map((s) => (stripPrefix && s.startsWith(stripPrefix) ? s.slice(stripPrefix.length) : s));
		this.#lines = [];
		let src = 0;
		let line = 0;
		let col = 0;
		for (const text of raw.mappings.split(';')) {
			const segs: Segment[] = [];
			let gen = 0;
			for (const s of text.split(',')) {
				if (!s) continue;
				const v = decodeVlq(s);
				gen += v[0];
				if (v.length >= 4) {
					src += v[1];
					line += v[2];
					col += v[3];
					segs.push([gen, src, line, col]);
				}
			}
			this.#lines.push(segs);
		}
	}

	/** The inline map at the end of esbuild's output (`//# sourceMappingURL=data:…;base64,…`). */
	static fromInline(code: string, stripPrefix = ''): SourceMap | null {
		const m = code.match(/\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/);
		if (!m) return null;
		const json = new TextDecoder().decode(Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0)));
		return new SourceMap(JSON.parse(json), stripPrefix);
	}

	/** line and column 1-based, as stack traces give them. */
	lookup(line: number, column: number): OriginalPosition | null {
		const segs = this.#lines[line - 1];
		if (!segs || segs.length === 0) return null;
		const col0 = column - 1;
		let best: Segment | null = null;
		for (const s of segs) {
			if (s[0] <= col0) best = s;
			else break;
		}
		best ??= segs[0];
		return { source: this.sources[best[1]], line: best[2] + 1, column: best[3] + 1 };
	}
}
