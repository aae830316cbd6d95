// Why this file exists: share links are lz-string `compressToEncodedURIComponent` text, and lz-string's
// decompressor has no output limit. Its dictionary lets each code emit one character more than the
// last, so output grows with the square of the input: a crafted 96 KB link expanded to ~800 million
// characters (seconds of frozen page, ~830 MB of heap) before anything could look at its length.
//
// This is our own decoder of that format which stops as soon as the output would pass `maxChars`.
// Dictionary entries are never built as strings: each one is (entry it extends, last char, first char,
// length), and emitting an entry walks that chain straight into a fixed-growth UTF-16 buffer. So the
// work done is proportional to the input length plus at most `maxChars` characters of output.
//
// For every input lz-string's compressor produces, the text equals `LZString.decompressFromEncodedURIComponent`
// (lz-string 1.5.0; test/unit/runner/lz-bounded.test.ts compares them). Inputs the compressor never
// produces are refused as damaged where lz-string returns null, returns "" for a link cut short, throws,
// or makes up text (a first code of 3 leaves its dictionary holding `undefined`). We still read
// characters outside the alphabet as 0 and ' ' as '+', as lz-string does, so links it opens still open.
// lz-string itself is still what compresses (share.ts).

export type BoundedDecode =
	| { ok: true; text: string }
	/** `reached`: characters of output written before stopping (never more than `maxChars`). */
	| { ok: false; why: 'damaged' | 'too-large'; reached: number };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** char code → its 6-bit value; anything else reads as 0, like lz-string's failed lookup. */
const VALUE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Codes with a meaning of their own: a literal of 8 or 16 bits follows, or the text ends. */
const LITERAL_8 = 0;
const LITERAL_16 = 1;
const END = 2;

/** `LZString.decompressFromEncodedURIComponent(input)`, refusing once the output passes `maxChars`. */
export function decompressBounded(input: string, maxChars: number): BoundedDecode {
	if (input.length === 0) return { ok: false, why: 'damaged', reached: 0 };

	// Bits come 6 to a character, most significant first; each code is read least significant bit first.
	let at = 0;
	let mask = 32;
	let value = valueAt(input, 0);
	const read = (width: number): number => {
		let n = 0;
		for (let i = 0, weight = 1; i < width; i++, weight *= 2) {
			if (value & mask) n += weight;
			mask >>= 1;
			if (mask === 0) {
				mask = 32;
				value = valueAt(input, ++at);
			}
		}
		return n;
	};

	// The dictionary: entries 0–2 stand for the three special codes, real entries start at 3.
	const prefix: number[] = [-1, -1, -1]; // the entry this one extends by one char; -1 for a single char
	const last: number[] = [0, 0, 0];
	const first: number[] = [0, 0, 0];
	const size: number[] = [0, 0, 0];
	const addChar = (code: number) => {
		prefix.push(-1);
		last.push(code);
		first.push(code);
		size.push(1);
	};
	const addExtension = (entry: number, code: number) => {
		prefix.push(entry);
		last.push(code);
		first.push(first[entry]);
		size.push(size[entry] + 1);
	};

	let out = new Uint16Array(Math.min(maxChars, 4096));
	let length = 0;
	/** Appends entry `e`; false when that would pass the limit (nothing is written then). */
	const emit = (e: number): boolean => {
		const n = size[e];
		if (length + n > maxChars) return false;
		if (length + n > out.length) {
			const bigger = new Uint16Array(Math.min(maxChars, Math.max(length + n, out.length * 2)));
			bigger.set(out.subarray(0, length));
			out = bigger;
		}
		for (let i = length + n - 1; e !== -1; i--, e = prefix[e]) out[i] = last[e];
		length += n;
		return true;
	};
	const tooLarge = (): BoundedDecode => ({ ok: false, why: 'too-large', reached: length });

	// The first code is 2 bits wide and must be a literal (or the end of an empty text).
	const kind = read(2);
	if (kind === END) return { ok: true, text: '' };
	if (kind !== LITERAL_8 && kind !== LITERAL_16) return { ok: false, why: 'damaged', reached: 0 };
	addChar(read(kind === LITERAL_8 ? 8 : 16));
	let previous = 3;
	if (!emit(previous)) return tooLarge();

	// Code width: 3 bits, one more each time the dictionary has used up the codes of the current width.
	// `room` counts the entries still to add before that happens (lz-string's enlargeIn).
	let width = 3;
	let room = 4;
	const added = () => {
		if (--room === 0) {
			room = 2 ** width;
			width++;
		}
	};

	for (;;) {
		if (at >= input.length) return { ok: false, why: 'damaged', reached: length }; // cut short: no END
		let code = read(width);
		if (code === END) return { ok: true, text: toText(out, length) };
		if (code === LITERAL_8 || code === LITERAL_16) {
			addChar(read(code === LITERAL_8 ? 8 : 16));
			code = size.length - 1;
			added();
		}
		if (code === size.length) {
			// the entry being defined by this very code: the previous one plus its own first char
			addExtension(previous, first[previous]);
			if (!emit(code)) return tooLarge();
		} else if (code < size.length) {
			if (!emit(code)) return tooLarge();
			addExtension(previous, first[code]);
		} else {
			return { ok: false, why: 'damaged', reached: length };
		}
		added();
		previous = code;
	}
}

function valueAt(input: string, i: number): number {
	const c = input.charCodeAt(i); // NaN past the end, which reads as 0 like lz-string's
	if (c === 32) return VALUE[43]; // ' ' is a '+' that a URL decoder turned into a space
	return c < 128 ? VALUE[c] : 0;
}

/** UTF-16 code units → string, exactly (lone surrogates included, which TextDecoder would replace). */
function toText(units: Uint16Array, length: number): string {
	let text = '';
	for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192)));
	return text;
}
