/**
 * console.log's arguments → one line of text, close to what Node prints (`a 1 { x: 1 }`), with
 * printf-style %s %d %i %f %j %o %O %c as Node supports them.
 */
export function formatArgs(args: unknown[]): string {
	const out: string[] = [];
	let rest = args;
	if (typeof args[0] === 'string' && args.length > 1 && /%[sdifjoOc%]/.test(args[0])) {
		let i = 1;
		const head = args[0].replace(/%([sdifjoOc%])/g, (m, f: string) => {
			if (f === '%') return '%';
			if (i >= args.length) return m;
			const v = args[i++];
			switch (f) {
				case 's': return typeof v === 'string' ? v : inspect(v, 1);
				case 'd': case 'i': return String(f === 'i' ? Math.trunc(Number(v)) : Number(v));
				case 'f': return String(Number(v));
				case 'j': return safeJson(v);
				case 'c': return '';
				default: return inspect(v, 2);
			}
		});
		out.push(head);
		rest = args.slice(i);
	} else if (args.length) {
		out.push(top(args[0]));
		rest = args.slice(1);
	}
	for (const a of rest) out.push(top(a));
	return out.join(' ');
}

function top(v: unknown): string {
	return typeof v === 'string' ? v : inspect(v, 2);
}

function safeJson(v: unknown): string {
	try {
		return JSON.stringify(v) ?? 'undefined';
	} catch {
		return '[Circular]';
	}
}

export function inspect(v: unknown, depth: number, seen: Set<object> = new Set()): string {
	if (typeof v === 'string') return `'${v.replace(/'/g, "\\'")}'`;
	if (typeof v === 'bigint') return `${v}n`;
	if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
	if (typeof v === 'symbol') return v.toString();
	if (v === null || typeof v !== 'object') return String(v);
	if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
	if (seen.has(v)) return '[Circular]';
	if (v instanceof Date) return v.toISOString();
	if (v instanceof Map) return `Map(${v.size}) ${inspect(Object.fromEntries(v), depth, seen)}`;
	if (v instanceof Set) return `Set(${v.size}) ${inspect([...v], depth, seen)}`;
	if (depth < 0) return Array.isArray(v) ? '[Array]' : '[Object]';
	seen.add(v);
	try {
		if (Array.isArray(v)) {
			const items = v.slice(0, 100).map((x) => inspect(x, depth - 1, seen));
			if (v.length > 100) items.push(`... ${v.length - 100} more items`);
			return items.length ? `[ ${items.join(', ')} ]` : '[]';
		}
		const name = v.constructor && v.constructor !== Object ? `${v.constructor.name} ` : '';
		const entries = Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect(x, depth - 1, seen)}`);
		return entries.length ? `${name}{ ${entries.join(', ')} }` : `${name}{}`;
	} finally {
		seen.delete(v);
	}
}
