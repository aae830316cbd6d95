import { describe, expect, it } from 'vitest';
import lz from 'lz-string';
import { decodeShare, encodeShare, MAX_HASH_CHARS } from '../../../src/lib/runner/share';

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
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('["a"]'))).toEqual({ ok: false, error: expect.stringMatching(/object of files/) });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{"a.ts": 3}'))).toEqual({ ok: false, error: "This share link is damaged: 'a.ts' is not text." });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{"../x.ts": ""}'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid file path/) });
		expect(decodeShare('#files/' + lz.compressToEncodedURIComponent('{}'))).toMatchObject({ ok: false, error: expect.stringMatching(/no files/) });
		expect(decodeShare('#code/' + 'A'.repeat(MAX_HASH_CHARS + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
		expect(decodeShare('#code/' + lz.compressToEncodedURIComponent('x'.repeat(600_000)))).toMatchObject({ ok: false, error: expect.stringMatching(/expands to more/) });
	});
});
