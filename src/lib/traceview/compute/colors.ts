// Service colours: one per distinct service in first-seen order, from a palette that reads on both
// the light and the dark theme (mid lightness, white text not needed: bars carry no text).
const PALETTE = [
	'#17b8be', '#f8dca1', '#b7885e', '#ffcb99', '#f89570', '#829ae3', '#e79fd5', '#1e96be', '#89dac1', '#b3ad9e',
	'#12939a', '#ddb27c', '#88572c', '#ff9833', '#ef5d28', '#162a65', '#da70bf', '#125c77', '#4dc19c', '#776e57'
];

export function colorAt(i: number): string {
	return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}
