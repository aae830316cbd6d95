/** A stable, readable colour per service name, so one service's lines and requests look alike. */
const PALETTE = ['#1b6ac9', '#b1361e', '#2d7d32', '#8a3ab9', '#a45e00', '#00796b', '#c2185b', '#455a64'];

export function serviceColor(name: string): string {
	if (name === 'runner' || name === 'compiler') return '#555';
	let h = 0;
	for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return PALETTE[h % PALETTE.length];
}
