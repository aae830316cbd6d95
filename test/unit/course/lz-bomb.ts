// Crafted share-link payloads for the bounded decoder's tests: decompression bombs without the big text.

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * The code stream of a run of one character, written directly: a literal, then k - 1 codes that each
 * name the entry they define (previous entry + its first char), so code i emits i characters and the
 * whole link expands to k(k+1)/2 characters. This is exactly what lz-string makes of such a run, but
 * written without ever holding the run.
 */
export function runLink(k: number, char = 'a'): string {
	const bits: number[] = [];
	const put = (value: number, width: number) => {
		for (let i = 0; i < width; i++) bits.push(Math.floor(value / 2 ** i) % 2);
	};
	put(0, 2); // an 8-bit literal follows
	put(char.charCodeAt(0), 8);
	let next = 4; // the next dictionary entry's number
	let width = 3;
	let room = 4;
	for (let i = 1; i < k; i++) {
		put(next++, width);
		if (--room === 0) room = 2 ** width++;
	}
	put(2, width); // end
	bits.push(0); // lz-string's compressor pads with 1–6 zero bits, so a full last character gets an 'A' after it
	let link = '';
	for (let i = 0; i < bits.length; i += 6) {
		let v = 0;
		for (let j = 0; j < 6; j++) v = v * 2 + (bits[i + j] ?? 0);
		link += ALPHABET[v];
	}
	return link;
}
export const triangle = (k: number) => (k * (k + 1)) / 2;
