// Traefik v2 router rules: Host, Path, PathPrefix and Method matchers combined with &&, ||, ! and
// parentheses, arguments in `backticks` or "double quotes". A hand-written tokenizer and recursive
// descent parser with a depth limit: learner text never meets a backtracking regex.
import { didYouMean } from './did-you-mean';

export type Rule =
	| { kind: 'and' | 'or'; left: Rule; right: Rule }
	| { kind: 'not'; rule: Rule }
	| { kind: 'Host' | 'Path' | 'PathPrefix' | 'Method'; values: string[] };

/** What a rule looks at in a request. */
export interface RuleRequest {
	/** lower case, without port */
	host: string;
	path: string;
	/** upper case */
	method: string;
}

export const MAX_RULE_LENGTH = 2000;
const MAX_DEPTH = 32;
const MATCHERS = ['Host', 'Path', 'PathPrefix', 'Method'] as const;
/** Traefik v2 has these too; the simulation does not */
const NOT_SIMULATED = new Set(['HostHeader', 'HostRegexp', 'Headers', 'HeadersRegexp', 'Query', 'ClientIP', 'HostSNI']);

type Token =
	| { t: 'word'; v: string; at: number }
	| { t: 'str'; v: string; at: number }
	| { t: '(' | ')' | ',' | '!' | '&&' | '||' | 'end'; at: number };

export class RuleError extends Error {}

function tokenize(src: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	const col = (n: number) => `column ${n + 1}`;
	while (i < src.length) {
		const c = src[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			i++;
		} else if (c === '(' || c === ')' || c === ',' || c === '!') {
			out.push({ t: c, at: i });
			i++;
		} else if ((c === '&' || c === '|') && src[i + 1] === c) {
			out.push({ t: c === '&' ? '&&' : '||', at: i });
			i += 2;
		} else if (c === '&' || c === '|') {
			throw new RuleError(`'${c}' at ${col(i)}: use ${c}${c}`);
		} else if (c === '`') {
			const end = src.indexOf('`', i + 1);
			if (end < 0) throw new RuleError(`unterminated \` string at ${col(i)}`);
			out.push({ t: 'str', v: src.slice(i + 1, end), at: i });
			i = end + 1;
		} else if (c === '"') {
			let v = '';
			let j = i + 1;
			for (; j < src.length && src[j] !== '"'; j++) {
				if (src[j] === '\\' && j + 1 < src.length) j++;
				v += src[j];
			}
			if (j >= src.length) throw new RuleError(`unterminated " string at ${col(i)}`);
			out.push({ t: 'str', v, at: i });
			i = j + 1;
		} else if (/[A-Za-z]/.test(c)) {
			let j = i + 1;
			while (j < src.length && /[A-Za-z0-9]/.test(src[j])) j++;
			out.push({ t: 'word', v: src.slice(i, j), at: i });
			i = j;
		} else if (c === "'") {
			throw new RuleError(`'…' at ${col(i)}: quote values with \` or "`);
		} else {
			throw new RuleError(`unexpected '${c}' at ${col(i)}`);
		}
	}
	out.push({ t: 'end', at: src.length });
	return out;
}

function describe(tok: Token): string {
	if (tok.t === 'end') return 'the end of the rule';
	if (tok.t === 'word') return `'${tok.v}' at column ${tok.at + 1}`;
	if (tok.t === 'str') return `a string at column ${tok.at + 1}`;
	return `'${tok.t}' at column ${tok.at + 1}`;
}

/** Parses a rule; throws RuleError with a reason a learner can act on. */
export function parseRule(src: string): Rule {
	if (src.length > MAX_RULE_LENGTH) throw new RuleError(`the rule is ${src.length} characters long (at most ${MAX_RULE_LENGTH})`);
	if (src.trim() === '') throw new RuleError('the rule is empty');
	const toks = tokenize(src);
	let p = 0;
	const peek = () => toks[p];
	const expect = (t: Token['t'], what: string) => {
		const tok = toks[p];
		if (tok.t !== t) throw new RuleError(`expected ${what}, found ${describe(tok)}`);
		p++;
		return tok;
	};

	function or(depth: number): Rule {
		let left = and(depth);
		while (peek().t === '||') {
			p++;
			left = { kind: 'or', left, right: and(depth) };
		}
		return left;
	}
	function and(depth: number): Rule {
		let left = unary(depth);
		while (peek().t === '&&') {
			p++;
			left = { kind: 'and', left, right: unary(depth) };
		}
		return left;
	}
	function unary(depth: number): Rule {
		if (depth > MAX_DEPTH) throw new RuleError(`the rule nests deeper than ${MAX_DEPTH} levels`);
		const tok = peek();
		if (tok.t === '!') {
			p++;
			return { kind: 'not', rule: unary(depth + 1) };
		}
		if (tok.t === '(') {
			p++;
			const inner = or(depth + 1);
			expect(')', "')'");
			return inner;
		}
		if (tok.t === 'word') return matcher(tok);
		throw new RuleError(`expected a matcher such as Host(\`example.com\`), found ${describe(tok)}`);
	}
	function matcher(tok: Extract<Token, { t: 'word' }>): Rule {
		p++;
		const name = tok.v;
		if (NOT_SIMULATED.has(name)) throw new RuleError(`the ${name} matcher is not simulated here (use ${MATCHERS.join(', ')})`);
		const kind = MATCHERS.find((m) => m === name);
		if (!kind) throw new RuleError(`unknown matcher ${name}${didYouMean(name, MATCHERS)}`);
		expect('(', `'(' after ${name}`);
		const values: string[] = [];
		for (;;) {
			const v = expect('str', `a \`quoted\` value in ${name}(…)`) as Extract<Token, { t: 'str' }>;
			values.push(checkValue(kind, v.v));
			if (peek().t !== ',') break;
			p++;
		}
		expect(')', `')' to close ${name}(`);
		return { kind, values };
	}

	const rule = or(0);
	if (peek().t !== 'end') throw new RuleError(`expected && or || , found ${describe(peek())}`);
	return rule;
}

function checkValue(kind: (typeof MATCHERS)[number], v: string): string {
	switch (kind) {
		case 'Host':
			// Traefik refuses non-ASCII host names and compares them in lower case
			if (!/^[\x21-\x7e]+$/.test(v)) throw new RuleError(`invalid value "${v}" for Host: a host name, ASCII only, no spaces`);
			return v.toLowerCase();
		case 'Path':
		case 'PathPrefix':
			if (!v.startsWith('/')) throw new RuleError(`${kind}(\`${v}\`) must start with /`);
			if (v.includes('{')) throw new RuleError(`path templates such as {id} are not simulated in ${kind}`);
			return v;
		case 'Method':
			if (!/^[A-Za-z]+$/.test(v)) throw new RuleError(`invalid method "${v}"`);
			return v.toUpperCase();
	}
}

export function matchRule(rule: Rule, req: RuleRequest): boolean {
	switch (rule.kind) {
		case 'and':
			return matchRule(rule.left, req) && matchRule(rule.right, req);
		case 'or':
			return matchRule(rule.left, req) || matchRule(rule.right, req);
		case 'not':
			return !matchRule(rule.rule, req);
		case 'Host':
			return rule.values.some((h) => hostMatches(h, req.host));
		case 'Path':
			return rule.values.includes(req.path);
		case 'PathPrefix':
			// a plain string prefix, as gorilla/mux in Traefik v2: /api also matches /apis
			return rule.values.some((prefix) => req.path.startsWith(prefix));
		case 'Method':
			return rule.values.includes(req.method);
	}
}

/** Traefik also accepts a trailing dot on either side (fully qualified names). */
function hostMatches(ruleHost: string, reqHost: string): boolean {
	if (ruleHost === reqHost) return true;
	if (ruleHost.endsWith('.') && ruleHost.slice(0, -1) === reqHost) return true;
	return reqHost.endsWith('.') && reqHost.slice(0, -1) === ruleHost;
}

/**
 * The Host header as Traefik's muxer compares it: lower case, without the port (an IPv6 literal
 * keeps its brackets).
 */
export function canonicalHost(raw: string): string {
	const h = raw.trim().toLowerCase();
	const colon = h.lastIndexOf(':');
	if (colon < 0 || h.indexOf(']', colon) >= 0) return h;
	const port = h.slice(colon + 1);
	return /^[0-9]*$/.test(port) ? h.slice(0, colon) : h;
}
