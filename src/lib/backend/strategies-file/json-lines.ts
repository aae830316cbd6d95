// Where each value of a JSON text starts, so a refused strategies file can name the line of the
// entry at fault. JSON.parse validates; this walk runs only on text it accepted.

/** A value's place in the document: keys and array indices from the root, e.g. ['service_strategies', 1, 'param']. */
export type JsonPath = readonly (string | number)[];

export const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** Reads "service_strategies[1].param" back to a person. */
export function formatPath(path: JsonPath): string {
	let out = '';
	for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
	return out || '(top level)';
}

/** The line (1-based) on which each value begins, by pathKey. `text` must be valid JSON. */
export function valueLines(text: string): Map<string, number> {
	const lines = new Map<string, number>();
	let i = 0;
	let line = 1;
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i])) {
			if (text[i] === '\n') line++;
			i++;
		}
	};
	const readString = (): string => {
		const start = i;
		i++; // opening quote
		while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++;
		return JSON.parse(text.slice(start, i)) as string;
	};
	const value = (path: (string | number)[]): void => {
		skipSpace();
		lines.set(pathKey(path), line);
		const c = text[i];
		if (c === '{') {
			i++;
			skipSpace();
			if (text[i] === '}') return void i++;
			for (;;) {
				skipSpace();
				const key = readString();
				skipSpace();
				i++; // ':'
				value([...path, key]);
				skipSpace();
				if (text[i++] === '}') return;
			}
		} else if (c === '[') {
			i++;
			skipSpace();
			if (text[i] === ']') return void i++;
			for (let n = 0; ; n++) {
				value([...path, n]);
				skipSpace();
				if (text[i++] === ']') return;
			}
		} else if (c === '"') readString();
		else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
	};
	value([]);
	return lines;
}

/** The line of a JSON.parse error, from the "position N" its message carries (V8's wording). */
export function syntaxErrorLine(text: string, message: string): number | null {
	const m = /position (\d+)/.exec(message);
	if (!m) return null;
	const pos = Math.min(Number(m[1]), text.length);
	let line = 1;
	for (let k = 0; k < pos; k++) if (text[k] === '\n') line++;
	return line;
}

/** How deeply arrays and objects nest (outside strings): checked before the recursive walk above. */
export function nestingDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') max = Math.max(max, ++depth);
		else if (c === '}' || c === ']') depth--;
	}
	return max;
}
