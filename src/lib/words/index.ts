// Small pieces of wording every part's UI uses: filling `{name}` into a template, and English
// plurals. One home, so a page's words read the same wherever they come from.

/** 'Finished in {took}' with `took` filled in; a name not given stays as written. */
export function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));
}

/** `3 spans`, `1 span`; irregular plurals are given (`plural(2, 'match', 'matches')`). */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
