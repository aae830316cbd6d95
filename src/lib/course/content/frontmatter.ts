import { parse } from 'yaml';

export interface Parsed {
	data: Record<string, unknown>;
	body: string;
}

/** Splits `---\nyaml\n---\nmarkdown`; a file without front matter has empty data. */
export function splitFrontMatter(text: string, file: string): Parsed {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
	if (!m) return { data: {}, body: text };
	let data: unknown;
	try {
		data = parse(m[1]) ?? {};
	} catch (e) {
		throw new LessonError(file, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
	}
	if (typeof data !== 'object' || Array.isArray(data)) throw new LessonError(file, 'front matter must be a YAML mapping');
	return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** A mistake in lesson content; the build fails with this message, naming the file. */
export class LessonError extends Error {
	constructor(
		readonly file: string,
		detail: string
	) {
		super(`${file}: ${detail}`);
		this.name = 'LessonError';
	}
}
