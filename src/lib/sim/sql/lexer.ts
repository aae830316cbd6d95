// A hand-written SQL tokenizer: one pass over the text, no regular expressions, so hostile input
// costs time linear in its length. Tokens are read on demand (a data.sql of many rows never sits in
// memory as one array of tokens).

export type TokenKind = 'word' | 'ident' | 'number' | 'string' | 'param' | 'punct' | 'end';

export interface Token {
	kind: TokenKind;
	/** a word upper-cased (keywords), an identifier as written, a string's value, a number's text */
	value: string;
	/** where it starts in the text, and on which line (1-based) */
	offset: number;
	line: number;
}

/** A lexical problem (an unclosed string): the parser reports it as a syntax error there. */
export class LexError extends Error {
	constructor(
		message: string,
		readonly offset: number,
		readonly line: number
	) {
		super(message);
	}
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
const isWordPart = (c: number) => isWordStart(c) || isDigit(c);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };

export class Lexer {
	private pos = 0;
	private line = 1;
	private peeked: Token | null = null;

	constructor(readonly text: string) {}

	peek(): Token {
		if (!this.peeked) this.peeked = this.scan();
		return this.peeked;
	}

	next(): Token {
		const t = this.peek();
		this.peeked = null;
		return t;
	}

	/** the text from `offset` on, for "near '…'" in error messages */
	near(offset: number): string {
		return this.text.slice(offset, offset + 80);
	}

	private advance(n = 1): void {
		for (let i = 0; i < n; i++) {
			if (this.text.charCodeAt(this.pos) === 10) this.line++;
			this.pos++;
		}
	}

	private skipBlank(): void {
		const s = this.text;
		while (this.pos < s.length) {
			const c = s.charCodeAt(this.pos);
			if (isSpace(c)) this.advance();
			else if (c === 35 || (c === 45 && s.charCodeAt(this.pos + 1) === 45 && (this.pos + 2 >= s.length || isSpace(s.charCodeAt(this.pos + 2))))) {
				// `# …` and `-- …` run to the end of the line
				while (this.pos < s.length && s.charCodeAt(this.pos) !== 10) this.pos++;
			} else if (c === 47 && s.charCodeAt(this.pos + 1) === 42) {
				const start = this.pos;
				const line = this.line;
				this.advance(2);
				while (this.pos < s.length && !(s.charCodeAt(this.pos) === 42 && s.charCodeAt(this.pos + 1) === 47)) this.advance();
				if (this.pos >= s.length) throw new LexError('unclosed comment', start, line);
				this.advance(2);
			} else return;
		}
	}

	private scan(): Token {
		this.skipBlank();
		const s = this.text;
		const offset = this.pos;
		const line = this.line;
		const tok = (kind: TokenKind, value: string): Token => ({ kind, value, offset, line });
		if (this.pos >= s.length) return tok('end', '');
		const c = s.charCodeAt(this.pos);
		if (isWordStart(c)) {
			while (this.pos < s.length && isWordPart(s.charCodeAt(this.pos))) this.pos++;
			return tok('word', s.slice(offset, this.pos));
		}
		if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.pos + 1)))) {
			while (this.pos < s.length && isDigit(s.charCodeAt(this.pos))) this.pos++;
			if (s.charCodeAt(this.pos) === 46) {
				this.pos++;
				while (this.pos < s.length && isDigit(s.charCodeAt(this.pos))) this.pos++;
			}
			const e = s.charCodeAt(this.pos);
			if (e === 69 || e === 101) {
				let p = this.pos + 1;
				if (s.charCodeAt(p) === 43 || s.charCodeAt(p) === 45) p++;
				if (isDigit(s.charCodeAt(p))) {
					while (p < s.length && isDigit(s.charCodeAt(p))) p++;
					this.pos = p;
				}
			}
			// `1abc` is an identifier in MySQL; here it is a number followed by a word — a syntax error later
			return tok('number', s.slice(offset, this.pos));
		}
		if (c === 39 || c === 34) return tok('string', this.quoted(c, true));
		if (c === 96) return tok('ident', this.quoted(c, false));
		if (c === 63) {
			this.pos++;
			return tok('param', '?');
		}
		const two = s.slice(this.pos, this.pos + 2);
		if (two === '<=' || two === '>=' || two === '<>' || two === '!=') {
			this.pos += 2;
			return tok('punct', two);
		}
		this.advance();
		return tok('punct', s[offset]);
	}

	/** '…' and "…" (doubled quotes and backslash escapes), `…` (doubled backticks) */
	private quoted(quote: number, escapes: boolean): string {
		const s = this.text;
		const start = this.pos;
		const line = this.line;
		this.advance();
		const parts: string[] = [];
		let from = this.pos;
		for (;;) {
			if (this.pos >= s.length) throw new LexError(quote === 96 ? 'unclosed identifier' : 'unclosed string', start, line);
			const c = s.charCodeAt(this.pos);
			if (c === quote) {
				parts.push(s.slice(from, this.pos));
				this.advance();
				if (s.charCodeAt(this.pos) !== quote) return parts.join('');
				// a doubled quote stands for one
				from = this.pos;
				this.advance();
			} else if (escapes && c === 92 && this.pos + 1 < s.length) {
				parts.push(s.slice(from, this.pos));
				const e = s[this.pos + 1];
				parts.push(Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : e);
				this.advance(2);
				from = this.pos;
			} else this.advance();
		}
	}
}
