import { describe, expect, it } from 'vitest';
import lz from 'lz-string';
import { decodeShare, encodeShare, MAX_FILES, MAX_HASH_CHARS, MAX_SOURCE_CHARS } from '../../../src/lib/course/share';
import { runLink, triangle } from './lz-bomb';

describe('share links', () => {
	it('round-trips several files through #files/', () => {
		const files = { 'hello.ts': 'export async function main() {}\n', 'formatter.ts': "serve(8081, () => 'é ✓ \"q\"');" };
		const hash = encodeShare(files);
		expect(hash.startsWith('#files/')).toBe(true);
		expect(decodeShare(hash)).toEqual({ ok: true, kind: 'files', files });
	});

	it('reads and writes #code/ exactly as the TypeScript Playground does (lz-string, one file)', () => {
		// a link made by typescriptlang.org/play, as published in a blog post
		const playground = '#code/IYIwzgLgTsDGEAJYBthjAgggOwJYFthkEBvAKASQHttIoBXeKqACgAd6RldYFsr8IKAFMAXAjq5sAcwCUpAL5kFQA';
		const source = 'abstract class Animal {\n  constructor(public nombre: string) {}\n}';
		expect(decodeShare(playground)).toEqual({ ok: true, kind: 'code', files: { 'main.ts': source } });
		expect(encodeShare({ 'main.ts': source })).toBe(playground);
	});

	it('says "not a share link" (null) for other hashes', () => {
		expect(decodeShare('')).toBeNull();
		expect(decodeShare('#section-2')).toBeNull();
	});

	it('gives a clear message for damaged, malformed or oversized links', () => {
		expect(decodeShare('#code/')).toEqual({ ok: false, error: expect.stringMatching(/damaged/) });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{not json'))).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{"a.ts": 3}'))).toEqual({ ok: false, error: "This share link is damaged: 'a.ts' is not text." });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{"../x.ts": ""}'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid file path/) });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{}'))).toMatchObject({ ok: false, error: expect.stringMatching(/no files/) });
		expect(decodeShare('#code/' + 'A'.repeat(MAX_HASH_CHARS + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
	});

	it('an empty file is a link too (lz-string writes "Q" for it)', () => {
		expect(encodeShare({ 'main.ts': '' })).toBe('#code/Q');
		expect(decodeShare('#code/Q')).toEqual({ ok: true, kind: 'code', files: { 'main.ts': '' } });
	});

	it('refuses code larger than MAX_SOURCE_CHARS, and says so', () => {
		const larger = "This link's code is larger than 500,000 characters and was not opened.";
		expect(MAX_SOURCE_CHARS).toBe(500_000);
		// runs of 'a' just under and just over the limit (the exact edge: lz-bounded.test.ts)
		expect([triangle(999), triangle(1000)]).toEqual([499_500, 500_500]);
		expect(decodeShare('#code/' + runLink(999))).toEqual({ ok: true, kind: 'code', files: { 'main.ts': 'a'.repeat(499_500) } });
		expect(decodeShare('#code/' + runLink(1000))).toEqual({ ok: false, error: larger });
		// for #files/, all files together (the JSON holding them)
		const files = { 'a.ts': 'a'.repeat(260_000), 'b.ts': 'b'.repeat(260_000) };
		expect(decodeShare(encodeShare(files))).toEqual({ ok: false, error: larger });
	});

	it('refuses a decompression bomb: a short link lz-string would expand without end', () => {
		// what lz-string writes for 'a' × 684,518,500 (crafted directly: compressing that would take minutes)
		const bomb = runLink(37_000);
		expect(bomb.length).toBeLessThan(MAX_HASH_CHARS);
		expect(decodeShare('#code/' + bomb)).toEqual({ ok: false, error: "This link's code is larger than 500,000 characters and was not opened." });
		expect(decodeShare('#files/' + bomb)).toEqual({ ok: false, error: "This link's code is larger than 500,000 characters and was not opened." });
	});

	it('#files/ must be an object of at most MAX_FILES files', () => {
		const files = (n: number) => '#files/' + lz.compressToEncodedURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.ts`, '']))));
		expect(decodeShare(files(MAX_FILES))).toMatchObject({ ok: true, kind: 'files' });
		expect(decodeShare(files(MAX_FILES + 1))).toEqual({ ok: false, error: 'This link has 51 files, more than the 50 a link may open, and was not opened.' });
		expect(decodeShare(files(20_000))).toEqual({ ok: false, error: 'This link has 20,000 files, more than the 50 a link may open, and was not opened.' });
		const notObject = (json: string) => decodeShare('#files/' + lz.compressToEncodedURIComponent(json));
		expect(notObject('["a"]')).toEqual({ ok: false, error: 'This share link is damaged: its file list is a list, not an object of files (path → text).' });
		expect(notObject('null')).toEqual({ ok: false, error: 'This share link is damaged: its file list is null, not an object of files (path → text).' });
		expect(notObject('"main.ts"')).toMatchObject({ ok: false, error: expect.stringMatching(/is a string, not an object of files/) });
		expect(notObject('42')).toMatchObject({ ok: false, error: expect.stringMatching(/is a number, not an object of files/) });
		expect(notObject('{"__proto__": "x", "a.ts": ""}')).toEqual({ ok: false, error: "This share link is damaged: '__proto__' is not a valid file path." });
	});

	it('never throws on garbage', () => {
		for (const junk of ['#code/%%%', '#code/$$$$', '#files/A', '#files/' + '-'.repeat(5000), '#code/\u0000', '#files/' + lz.compressToEncodedURIComponent('{"a.ts": "x"').slice(0, -2)]) {
			expect(() => decodeShare(junk)).not.toThrow();
			expect(decodeShare(junk)).toMatchObject({ ok: false, error: expect.any(String) });
		}
	});
});
