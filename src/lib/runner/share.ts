import lz from 'lz-string';

/** The file name a `#code/` link's single file gets (and the file a `#code/` link is made from). */
export const SINGLE_FILE = 'main.ts';
/** Links longer than this are refused before decompressing: browsers and chat apps cut them anyway. */
export const MAX_HASH_CHARS = 100_000;
/** …and what they may expand to. */
export const MAX_SOURCE_CHARS = 500_000;

export type ShareDecode =
	| { ok: true; kind: 'code' | 'files'; files: Record<string, string> }
	| { ok: false; error: string };

/**
 * Files → a location hash. One `main.ts` goes as `#code/…` (what the TypeScript Playground reads and
 * writes); anything else as `#files/…`, an lz-string of a JSON object path → text.
 */
export function encodeShare(files: Record<string, string>): string {
	const paths = Object.keys(files);
	if (paths.length === 1 && paths[0] === SINGLE_FILE) {
		return `#code/${lz.compressToEncodedURIComponent(files[SINGLE_FILE])}`;
	}
	return `#files/${lz.compressToEncodedURIComponent(JSON.stringify(files))}`;
}

/** A location hash → files; null when the hash is not a share link at all. Never throws. */
export function decodeShare(hash: string): ShareDecode | null {
	const h = hash.startsWith('#') ? hash.slice(1) : hash;
	const m = h.match(/^(code|files)\/(.*)$/s);
	if (!m) return null;
	const kind = m[1] as 'code' | 'files';
	const payload = m[2];
	if (payload.length > MAX_HASH_CHARS) {
		return { ok: false, error: `This share link is too long (${payload.length.toLocaleString('en-US')} characters, at most ${MAX_HASH_CHARS.toLocaleString('en-US')}).` };
	}
	let text: string | null;
	try {
		text = lz.decompressFromEncodedURIComponent(payload);
	} catch {
		text = null;
	}
	if (!text) return { ok: false, error: 'This share link is damaged: its code could not be decompressed.' };
	if (text.length > MAX_SOURCE_CHARS) {
		return { ok: false, error: `This share link expands to more than ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters.` };
	}
	if (kind === 'code') return { ok: true, kind, files: { [SINGLE_FILE]: text } };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, error: 'This share link is damaged: its file list is not valid JSON.' };
	}
	const problem = validateFiles(parsed);
	if (problem) return { ok: false, error: `This share link is damaged: ${problem}` };
	return { ok: true, kind, files: parsed as Record<string, string> };
}

function validateFiles(v: unknown): string | null {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected an object of files.';
	const entries = Object.entries(v);
	if (entries.length === 0) return 'it has no files.';
	if (entries.length > 50) return `it has ${entries.length} files (at most 50).`;
	for (const [path, text] of entries) {
		if (typeof text !== 'string') return `'${path}' is not text.`;
		if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || path.split('/').includes('..')) return `'${path}' is not a valid file path.`;
	}
	return null;
}
