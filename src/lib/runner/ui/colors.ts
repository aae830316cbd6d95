/**
 * A stable colour per service name, so one service's lines and requests look alike. The colours are
 * CSS variables (src/app.css) with a light and a dark palette, each readable (WCAG AA) on its theme.
 */
const PALETTE_SIZE = 8;

export function serviceColor(name: string): string {
	if (name === 'runner' || name === 'compiler') return 'var(--muted)';
	let h = 0;
	for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return `var(--svc-${h % PALETTE_SIZE})`;
}
