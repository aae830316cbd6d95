import lz from 'lz-string';
import { decompressBounded } from './lz-bounded';

/** The file name a `#code/` link's single file gets (and the file a `#code/` link is made from). */
export const SINGLE_FILE = 'main.ts';
/** Links longer than this are refused before decompressing: browsers and chat apps cut them anyway. */
export const MAX_HASH_CHARS = 100_000;
/**
 * …and what they may expand to (about 1 MB in memory): for `#files/`, the JSON holding all the files.
 * Decompression stops as soon as the text would pass this (lz-bounded.ts), so a small crafted link
 * cannot make a huge string first.
 */
export const MAX_SOURCE_CHARS = 500_000;
/** A `#files/` link with more files than this is refused. */
export const MAX_FILES = 50;

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
	const decoded = decompressBounded(payload, MAX_SOURCE_CHARS);
	if (!decoded.ok) {
		return decoded.why === 'too-large'
			? { ok: false, error: `This link's code is larger than ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters and was not opened.` }
			: { ok: false, error: 'This share link is damaged: its code could not be decompressed.' };
	}
	const text = decoded.text;
	if (kind === 'code') return { ok: true, kind, files: { [SINGLE_FILE]: text } };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, error: 'This share link is damaged: its file list is not valid JSON.' };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return { ok: false, error: `This share link is damaged: its file list is ${describe(parsed)}, not an object of files (path → text).` };
	}
	const entries = Object.entries(parsed);
	if (entries.length > MAX_FILES) {
		return { ok: false, error: `This link has ${entries.length.toLocaleString('en-US')} files, more than the ${MAX_FILES} a link may open, and was not opened.` };
	}
	const problem = validateFiles(entries);
	if (problem) return { ok: false, error: `This share link is damaged: ${problem}` };
	return { ok: true, kind, files: Object.fromEntries(entries) as Record<string, string> };
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	return typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true or false' : typeof v;
}

function validateFiles(entries: [string, unknown][]): string | null {
	if (entries.length === 0) return 'it has no files.';
	for (const [path, text] of entries) {
		if (typeof text !== 'string') return `'${path}' is not text.`;
		// '__proto__' is a plain key in JSON.parse's object, but `files[path] = text` elsewhere would set a prototype instead
		if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || path.split('/').some((part) => part === '..' || part === '__proto__')) return `'${path}' is not a valid file path.`;
	}
	return null;
}

/** The page's own address with `files` in its hash: what a Share button copies. */
export function shareUrl(location: { origin: string; pathname: string }, files: Record<string, string>): string {
	return location.origin + location.pathname + encodeShare(files);
}
