const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...CHARS].map((c, i) => [c, i]));

/** Decodes one source-map segment ("AAAA") into its numbers. */
export function decodeVlq(segment: string): number[] {
	const out: number[] = [];
	let value = 0;
	let shift = 0;
	for (const ch of segment) {
		const digit = VALUE.get(ch);
		if (digit === undefined) throw new Error(`bad VLQ character '${ch}'`);
		value += (digit & 31) << shift;
		if (digit & 32) shift += 5;
		else {
			out.push(value & 1 ? -(value >>> 1) : value >>> 1);
			value = 0;
			shift = 0;
		}
	}
	return out;
}
