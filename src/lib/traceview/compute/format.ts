// How the trace view prints times: durations the way Jaeger UI does (µs, ms, s with up to 2
// decimals), and absolute starts as local date-times.

/** `1.23ms`, `456μs`, `2.5s`, `3m 4s`. */
export function formatDuration(us: number): string {
	if (!Number.isFinite(us)) return '–';
	const sign = us < 0 ? '-' : '';
	const a = Math.abs(us);
	const trim = (v: number) => String(Number(v.toFixed(2)));
	if (a < 1000) return `${sign}${trim(a)}μs`;
	if (a < 1_000_000) return `${sign}${trim(a / 1000)}ms`;
	if (a < 60_000_000) return `${sign}${trim(a / 1_000_000)}s`;
	const m = Math.floor(a / 60_000_000);
	const s = (a - m * 60_000_000) / 1_000_000;
	return `${sign}${m}m ${trim(s)}s`;
}

/**
 * `12,345` — grouped by hand: the first toLocaleString() in a page loads ICU number data (~30 ms
 * measured on /traces, right in the way of the first timeline paint).
 */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	const [whole, frac] = String(Math.abs(n)).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2024-05-01 12:34:56.789` in local time (µs since the epoch in). */
export function formatStart(us: number): string {
	if (!Number.isFinite(us)) return '–';
	const d = new Date(Math.floor(us / 1000));
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A tag or log value as text (never markup): objects as JSON, everything else String(). */
export function valueText(v: unknown): string {
	if (typeof v === 'string') return v;
	if (v === null || v === undefined) return '';
	if (typeof v === 'object') {
		try {
			return JSON.stringify(v);
		} catch {
			return String(v);
		}
	}
	return String(v);
}
