import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import lz from 'lz-string';
import { decompressBounded } from '../../../src/lib/course/lz-bounded';
import { MAX_HASH_CHARS, MAX_SOURCE_CHARS } from '../../../src/lib/course/share';
import { ALPHABET, runLink, triangle } from './lz-bomb';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const NO_LIMIT = 50_000_000;

/** A small seeded PRNG (mulberry32), so a failure names an input that can be made again. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Text of `n` UTF-16 code units drawn from `units` (any code unit, lone surrogates included). */
function textOf(rand: () => number, n: number, units: number[]): string {
	let s = '';
	for (let i = 0; i < n; i++) s += String.fromCharCode(units[Math.floor(rand() * units.length)]);
	return s;
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function expectSameAsLzString(text: string) {
	const encoded = lz.compressToEncodedURIComponent(text);
	expect(lz.decompressFromEncodedURIComponent(encoded)).toBe(text); // the reference itself round-trips
	const ours = decompressBounded(encoded, NO_LIMIT);
	expect(ours.ok, `${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`).toBe(true);
	if (ours.ok) expect(ours.text === text, `${JSON.stringify(text.slice(0, 40))}… (${text.length} chars) differs`).toBe(true);
}

/** lz-string's first code is 3 (no meaning) when the first character's top two bits are set. */
const firstCodeIs3 = (input: string) => ALPHABET.indexOf(input[0] === ' ' ? '+' : input[0]) >= 48;

/**
 * On any input: when we decode, lz-string gives the same text; when we refuse as damaged, lz-string
 * also fails (null, "" for a link cut short, an exception) or is reading nonsense (first code 3).
 */
function expectAgreesOrRefuses(input: string) {
	let theirs: string | null = null;
	let threw = false;
	try {
		theirs = lz.decompressFromEncodedURIComponent(input);
	} catch {
		threw = true;
	}
	let ours: ReturnType<typeof decompressBounded> | undefined;
	expect(() => (ours = decompressBounded(input, NO_LIMIT))).not.toThrow();
	if (ours!.ok) {
		expect(threw, JSON.stringify(input)).toBe(false);
		expect(ours!.text, JSON.stringify(input)).toBe(theirs);
	} else {
		expect(ours!.why).toBe('damaged');
		expect(threw || theirs === null || theirs === '' || firstCodeIs3(input), JSON.stringify(input)).toBe(true);
	}
	return ours!;
}


describe('decompressBounded equals lz-string on what lz-string writes', () => {
	it('empty, tiny and special texts', () => {
		for (const t of ['', 'a', 'ab', 'aaa', 'abababab', '\0', '\0\0\0', 'é', '✓', '😀', '\ud800', '\udc00x\ud800', '\uffff\ufffe', ' +-$=/', 'null', 'undefined'])
			expectSameAsLzString(t);
		expect(decompressBounded(lz.compressToEncodedURIComponent(''), 0)).toEqual({ ok: true, text: '' });
	});

	it('every single code unit below 300 and a sample above (8- and 16-bit literals)', () => {
		for (const c of range(0, 300)) expectSameAsLzString(String.fromCharCode(c) + 'x' + String.fromCharCode(c));
		for (let c = 300; c < 0x10000; c += 997) expectSameAsLzString(String.fromCharCode(c, c, c + 1));
	});

	it('random texts of many shapes, lengths 0–5000', () => {
		const rand = random(1);
		const kinds = [range(97, 99), range(32, 126), range(0, 255), range(0x4e00, 0x4e40).concat(range(97, 122)), range(0xd7f0, 0xe010), range(0, 0xffff)];
		for (let i = 0; i < 200; i++) {
			const units = kinds[i % kinds.length];
			expectSameAsLzString(textOf(rand, Math.floor(rand() ** 2 * 5000), units));
		}
	});

	it('long texts: dictionary past 8 and 16 bits of code width', () => {
		const rand = random(2);
		// a small alphabet: long phrases, a dictionary of tens of thousands of entries (codes up to 15 bits)
		expectSameAsLzString(textOf(rand, 100_000, range(97, 100)));
		// 3000 distinct code units over 200,000 chars: most phrases are 1–2 units long, so well over
		// 65,536 entries (every new unit adds two) and codes wider than 16 bits
		expectSameAsLzString(textOf(rand, 200_000, range(0x3000, 0x3000 + 2999)));
		// long runs: codes that name the entry they define, one after another
		expectSameAsLzString('x'.repeat(60_000) + 'y'.repeat(3) + 'x'.repeat(30_000));
	});

	it('real files: source, lessons, trace fixtures, lz-string itself', () => {
		const files = [
			'src/lib/course/share.ts',
			'src/lib/course/lz-bounded.ts',
			'node_modules/lz-string/libs/lz-string.js',
			'test/fixtures/traces/SOURCES.md',
			'test/fixtures/traces/zipkin2-smartthings-mobile-web-install.json',
			'test/fixtures/traces/otlp-apiv3-hotrod-getTrace-response.json',
			...readdirSync(path.join(repoRoot, 'src/lib/course/i18n')).map((f) => `src/lib/course/i18n/${f}`)
		];
		for (const f of files) expectSameAsLzString(readFileSync(path.join(repoRoot, f), 'utf8'));
		const files2 = { 'main.ts': readFileSync(path.join(repoRoot, 'src/lib/course/share.ts'), 'utf8'), 'b/é.ts': '// ✓ 😀\n' };
		expectSameAsLzString(JSON.stringify(files2));
	});

	it('reads a space as "+" (a URL decoder made it one), as lz-string does', () => {
		const encoded = lz.compressToEncodedURIComponent('span span span');
		expect(encoded).toBe('M4BwhgdgBKk+Eg');
		expect(decompressBounded('M4BwhgdgBKk Eg', NO_LIMIT)).toEqual({ ok: true, text: 'span span span' });
	});
});

describe('decompressBounded refuses, never throws', () => {
	it('empty input, a link cut short, codes past the dictionary, characters outside the alphabet', () => {
		expect(expectAgreesOrRefuses('')).toEqual({ ok: false, why: 'damaged', reached: 0 });
		const good = lz.compressToEncodedURIComponent('function main() { return 42; } // main main main');
		for (let cut = 1; cut < good.length; cut++) expectAgreesOrRefuses(good.slice(0, cut));
		expect(decompressBounded(good.slice(0, good.length - 3), NO_LIMIT)).toMatchObject({ ok: false, why: 'damaged' });
		expectAgreesOrRefuses('A'); // first literal, then nothing: lz-string says ""
		expectAgreesOrRefuses('$$$$'); // first code 3
		expectAgreesOrRefuses('BAA-'); // a code far past the dictionary
		expectAgreesOrRefuses('Ié✓😀%20');
		expectAgreesOrRefuses(good + '"><script>');
	});

	it('random garbage and damaged links agree with lz-string or are refused', () => {
		const rand = random(3);
		const alphabet = [...ALPHABET].map((c) => c.charCodeAt(0));
		let refused = 0;
		for (let i = 0; i < 2000; i++) {
			const garbage = textOf(rand, 1 + Math.floor(rand() * 60), i % 10 === 0 ? range(0, 200) : alphabet);
			if (!expectAgreesOrRefuses(garbage).ok) refused++;
		}
		for (let i = 0; i < 500; i++) {
			const good = lz.compressToEncodedURIComponent(textOf(rand, 1 + Math.floor(rand() * 300), range(32, 126)));
			const at = Math.floor(rand() * good.length);
			const damaged = good.slice(0, at) + ALPHABET[Math.floor(rand() * 64)] + good.slice(at + 1);
			if (!expectAgreesOrRefuses(damaged).ok) refused++;
		}
		expect(refused).toBeGreaterThan(100); // the refusals really happened
	});
});

describe('decompressBounded stops at the limit', () => {
	it('a text exactly at the limit opens; one character more is refused without passing the limit', () => {
		const text = 'span.setTag("é", 1);\n'.repeat(500) + '😀';
		const encoded = lz.compressToEncodedURIComponent(text);
		expect(decompressBounded(encoded, text.length)).toEqual({ ok: true, text });
		const refused = decompressBounded(encoded, text.length - 1);
		expect(refused).toMatchObject({ ok: false, why: 'too-large' });
		expect(refused.ok === false && refused.reached).toBeLessThanOrEqual(text.length - 1);
		expect(decompressBounded(lz.compressToEncodedURIComponent('a'), 0)).toEqual({ ok: false, why: 'too-large', reached: 0 });
	});

	it('the crafted run link is what lz-string writes for such a run, and lz-string expands it fully', () => {
		for (const k of [1, 2, 3, 4, 5, 9, 40, 200]) {
			expect(runLink(k)).toBe(lz.compressToEncodedURIComponent('a'.repeat(triangle(k))));
			expect(decompressBounded(runLink(k), NO_LIMIT)).toEqual({ ok: true, text: 'a'.repeat(triangle(k)) });
		}
		// quadratic: 1,000 times the codes, a million times the text
		const small = runLink(2000);
		expect(lz.decompressFromEncodedURIComponent(small)?.length).toBe(triangle(2000)); // 2,001,000 chars
		expect(small.length).toBeLessThan(5000);
	});

	it('the bomb: a link under the length limit that lz-string would expand to ~700 million characters', () => {
		const k = 37_000;
		const bomb = runLink(k);
		expect(bomb.length).toBeLessThan(MAX_HASH_CHARS);
		expect(triangle(k)).toBeGreaterThan(680_000_000); // what lz-string would build (not run here)

		const result = decompressBounded(bomb, MAX_SOURCE_CHARS);
		expect(result).toMatchObject({ ok: false, why: 'too-large' });
		if (result.ok) return;
		// it stopped at the limit: the output it reached is within one entry (code i emits i chars,
		// ~1,000 at that point) of MAX_SOURCE_CHARS, never past it
		expect(result.reached).toBeLessThanOrEqual(MAX_SOURCE_CHARS);
		expect(result.reached).toBeGreaterThan(MAX_SOURCE_CHARS - 1100);
		// …and a smaller limit stops it proportionally sooner
		const early = decompressBounded(bomb, 10_000);
		expect(early).toMatchObject({ ok: false, why: 'too-large' });
		expect(early.ok === false && early.reached).toBeLessThanOrEqual(10_000);
	});
});
