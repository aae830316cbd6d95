// A recursive-descent parser for the statements the simulated database runs. It never nests (no
// subqueries, no expressions deeper than `a + ?`), so hostile input cannot make it recurse; a
// keyword it knows but does not run is ER_NOT_SUPPORTED_YET, anything else ER_PARSE_ERROR.
import { Lexer, LexError, type Token } from './lexer';
import { SqlError, sqlErrors } from './errors';
import type { Column, ColumnType, Input } from './values';

export type Operand = { kind: 'lit'; value: Input } | { kind: 'param'; index: number } | { kind: 'col'; name: string };
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IS NULL' | 'IS NOT NULL';
export interface Condition {
	col: string;
	op: CompareOp;
	right: Operand | null;
}
export interface SetClause {
	col: string;
	left: Operand;
	op: '+' | '-' | null;
	right: Operand | null;
}

export type Statement = (
	| { kind: 'select'; table: string; columns: '*' | 'count' | string[]; where: Condition[]; orderBy: { col: string; desc: boolean }[]; limit: Operand | null; offset: Operand | null }
	| { kind: 'sleep'; arg: Operand; label: string }
	| { kind: 'insert'; table: string; columns: string[] | null; rows: Operand[][] }
	| { kind: 'update'; table: string; set: SetClause[]; where: Condition[] }
	| { kind: 'delete'; table: string; where: Condition[] }
	| { kind: 'create'; table: string; ifNotExists: boolean; columns: Column[] }
) & { line: number; params: number };

/** SQL the database knows but does not run: naming it beats a bare syntax error. */
const UNSUPPORTED = new Set(
	(
		'JOIN INNER LEFT RIGHT OUTER CROSS NATURAL GROUP HAVING UNION OR XOR IN LIKE BETWEEN DISTINCT NOT EXISTS ALTER DROP ' +
		'TRUNCATE BEGIN START COMMIT ROLLBACK REPLACE SHOW DESCRIBE DESC EXPLAIN USE SET WITH FOR LOCK UNLOCK CALL AS ON ' +
		'REGEXP CASE IF IGNORE DUPLICATE RETURNING INTO'
	).split(' ')
);

const MAX_IDENT = 64;

/** a parse error carrying the line where it happened (data.sql reports it) */
export type ParseError = SqlError & { line: number };

function withLine(e: SqlError, line: number): ParseError {
	return Object.assign(e, { line });
}

class Parser {
	params = 0;
	constructor(readonly lx: Lexer) {}

	fail(t: Token, expecting?: string): never {
		const word = t.kind === 'word' ? t.value.toUpperCase() : '';
		if (word && UNSUPPORTED.has(word) && expecting !== 'identifier') throw withLine(sqlErrors.notSupported(word), t.line);
		throw withLine(sqlErrors.parse(t.kind === 'end' ? '' : this.lx.near(t.offset), t.line), t.line);
	}

	/** the next token, if it is the keyword `w` */
	accept(w: string): boolean {
		const t = this.lx.peek();
		if (t.kind === 'word' && t.value.toUpperCase() === w) {
			this.lx.next();
			return true;
		}
		return false;
	}

	acceptPunct(p: string): boolean {
		const t = this.lx.peek();
		if (t.kind === 'punct' && t.value === p) {
			this.lx.next();
			return true;
		}
		return false;
	}

	expect(w: string): void {
		if (!this.accept(w)) this.fail(this.lx.peek(), w);
	}

	expectPunct(p: string): void {
		if (!this.acceptPunct(p)) this.fail(this.lx.peek(), p);
	}

	ident(): string {
		const t = this.lx.peek();
		if (t.kind !== 'word' && t.kind !== 'ident') this.fail(t, 'identifier');
		if (t.kind === 'ident' && t.value === '') this.fail(t, 'identifier');
		this.lx.next();
		if (t.value.length > MAX_IDENT) throw withLine(sqlErrors.tooLongIdent(t.value), t.line);
		return t.value;
	}

	/** an identifier that is not one of the statement's keywords (`WHERE` after a table name) */
	plainIdent(): string {
		const t = this.lx.peek();
		if (t.kind === 'word' && (UNSUPPORTED.has(t.value.toUpperCase()) || t.value.toUpperCase() === 'WHERE')) this.fail(t);
		return this.ident();
	}

	literal(): Input | undefined {
		const t = this.lx.peek();
		if (t.kind === 'number') {
			this.lx.next();
			return Number(t.value);
		}
		if (t.kind === 'string') {
			this.lx.next();
			return t.value;
		}
		if (t.kind === 'punct' && (t.value === '-' || t.value === '+')) {
			this.lx.next();
			const n = this.lx.peek();
			if (n.kind !== 'number') this.fail(n);
			this.lx.next();
			return t.value === '-' ? -Number(n.value) : Number(n.value);
		}
		if (t.kind === 'word') {
			const w = t.value.toUpperCase();
			if (w === 'NULL' || w === 'TRUE' || w === 'FALSE') {
				this.lx.next();
				return w === 'NULL' ? null : w === 'TRUE';
			}
		}
		return undefined;
	}

	/** a value: literal or `?` (and a column where `allowColumn`) */
	operand(allowColumn: boolean): Operand {
		const t = this.lx.peek();
		if (t.kind === 'param') {
			this.lx.next();
			return { kind: 'param', index: this.params++ };
		}
		const v = this.literal();
		if (v !== undefined) return { kind: 'lit', value: v };
		if (allowColumn && (t.kind === 'word' || t.kind === 'ident')) {
			if (t.kind === 'word' && UNSUPPORTED.has(t.value.toUpperCase())) this.fail(t);
			const name = this.ident();
			if (this.lx.peek().kind === 'punct' && this.lx.peek().value === '(') throw withLine(sqlErrors.notSupported(`${name.toUpperCase()}()`), t.line);
			return { kind: 'col', name };
		}
		return this.fail(t);
	}

	where(): Condition[] {
		if (!this.accept('WHERE')) return [];
		const out: Condition[] = [];
		do {
			if (out.length >= 64) this.fail(this.lx.peek());
			const t = this.lx.peek();
			if (t.kind === 'punct' && t.value === '(') throw withLine(sqlErrors.notSupported('( … ) in WHERE'), t.line);
			const col = this.plainIdent();
			if (this.accept('IS')) {
				const not = this.accept('NOT');
				this.expect('NULL');
				out.push({ col, op: not ? 'IS NOT NULL' : 'IS NULL', right: null });
				continue;
			}
			const op = this.lx.peek();
			if (op.kind !== 'punct' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.value)) this.fail(op);
			this.lx.next();
			const right = this.operand(false);
			out.push({ col, op: (op.value === '<>' ? '!=' : op.value) as CompareOp, right });
		} while (this.accept('AND'));
		return out;
	}

	select(line: number): Statement {
		const first = this.lx.peek();
		if (first.kind === 'word' && first.value.toUpperCase() === 'SLEEP') {
			this.lx.next();
			this.expectPunct('(');
			const arg = this.operand(false);
			this.expectPunct(')');
			const label = this.lx.text.slice(first.offset, this.lx.peek().offset).trim();
			return { kind: 'sleep', arg, label, line, params: 0 };
		}
		let columns: '*' | 'count' | string[];
		if (this.acceptPunct('*')) columns = '*';
		else if (first.kind === 'word' && first.value.toUpperCase() === 'COUNT') {
			this.lx.next();
			this.expectPunct('(');
			this.expectPunct('*');
			this.expectPunct(')');
			columns = 'count';
		} else {
			columns = [];
			do {
				const t = this.lx.peek();
				if (t.kind === 'word' && UNSUPPORTED.has(t.value.toUpperCase())) this.fail(t);
				const name = this.ident();
				if (this.lx.peek().kind === 'punct' && this.lx.peek().value === '(') throw withLine(sqlErrors.notSupported(`${name.toUpperCase()}()`), t.line);
				columns.push(name);
				if (columns.length > 1000) this.fail(this.lx.peek());
			} while (this.acceptPunct(','));
		}
		if (!this.accept('FROM')) this.fail(this.lx.peek(), 'FROM');
		const table = this.plainIdent();
		const where = this.where();
		const orderBy: { col: string; desc: boolean }[] = [];
		if (this.accept('ORDER')) {
			this.expect('BY');
			do {
				if (orderBy.length >= 16) this.fail(this.lx.peek());
				const col = this.plainIdent();
				const desc = this.accept('DESC') ? true : (this.accept('ASC'), false);
				orderBy.push({ col, desc });
			} while (this.acceptPunct(','));
		}
		let limit: Operand | null = null;
		let offset: Operand | null = null;
		if (this.accept('LIMIT')) {
			limit = this.operand(false);
			if (this.acceptPunct(',')) {
				offset = limit;
				limit = this.operand(false);
			} else if (this.accept('OFFSET')) offset = this.operand(false);
		}
		return { kind: 'select', table, columns, where, orderBy, limit, offset, line, params: 0 };
	}

	insert(line: number): Statement {
		this.expect('INTO');
		const table = this.plainIdent();
		let columns: string[] | null = null;
		if (this.acceptPunct('(')) {
			columns = [];
			do {
				columns.push(this.ident());
				if (columns.length > 1000) this.fail(this.lx.peek());
			} while (this.acceptPunct(','));
			this.expectPunct(')');
		}
		if (!this.accept('VALUES') && !this.accept('VALUE')) this.fail(this.lx.peek(), 'VALUES');
		const rows: Operand[][] = [];
		do {
			this.expectPunct('(');
			const row: Operand[] = [];
			do row.push(this.operand(false));
			while (this.acceptPunct(','));
			this.expectPunct(')');
			rows.push(row);
		} while (this.acceptPunct(','));
		return { kind: 'insert', table, columns, rows, line, params: 0 };
	}

	update(line: number): Statement {
		const table = this.plainIdent();
		this.expect('SET');
		const set: SetClause[] = [];
		do {
			if (set.length >= 1000) this.fail(this.lx.peek());
			const col = this.ident();
			this.expectPunct('=');
			const left = this.operand(true);
			let op: '+' | '-' | null = null;
			let right: Operand | null = null;
			const t = this.lx.peek();
			if (t.kind === 'punct' && (t.value === '+' || t.value === '-')) {
				this.lx.next();
				op = t.value;
				right = this.operand(true);
			}
			set.push({ col, left, op, right });
		} while (this.acceptPunct(','));
		return { kind: 'update', table, set, where: this.where(), line, params: 0 };
	}

	remove(line: number): Statement {
		this.expect('FROM');
		const table = this.plainIdent();
		return { kind: 'delete', table, where: this.where(), line, params: 0 };
	}

	create(line: number): Statement {
		this.expect('TABLE');
		let ifNotExists = false;
		if (this.accept('IF')) {
			this.expect('NOT');
			this.expect('EXISTS');
			ifNotExists = true;
		}
		const table = this.plainIdent();
		this.expectPunct('(');
		const columns: Column[] = [];
		let primary: { name: string; line: number } | null = null;
		do {
			if (columns.length > 1000) throw withLine(sqlErrors.tooManyFields(), this.lx.peek().line);
			const t = this.lx.peek();
			const w = t.kind === 'word' ? t.value.toUpperCase() : '';
			if (w === 'PRIMARY') {
				this.lx.next();
				this.expect('KEY');
				this.expectPunct('(');
				const name = this.ident();
				if (this.acceptPunct(',')) throw withLine(sqlErrors.notSupported('a PRIMARY KEY of several columns'), t.line);
				this.expectPunct(')');
				primary = { name, line: t.line };
			} else if (w === 'KEY' || w === 'INDEX' || w === 'UNIQUE') {
				// secondary indexes change nothing the simulation answers: read and ignored
				this.lx.next();
				if (w === 'UNIQUE') throw withLine(sqlErrors.notSupported('UNIQUE keys'), t.line);
				if (this.lx.peek().kind !== 'punct') this.ident();
				this.expectPunct('(');
				do this.ident();
				while (this.acceptPunct(','));
				this.expectPunct(')');
			} else columns.push(this.column());
		} while (this.acceptPunct(','));
		this.expectPunct(')');
		// table options (ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 …) do not matter here
		for (let t = this.lx.peek(); t.kind === 'word' || t.kind === 'number' || (t.kind === 'punct' && t.value === '='); t = this.lx.peek()) this.lx.next();
		if (primary) {
			const p = primary;
			const col = columns.find((c) => c.name.toLowerCase() === p.name.toLowerCase());
			if (!col) throw withLine(sqlErrors.badField(p.name, 'table definition'), p.line);
			col.primary = true;
			col.notNull = true;
		}
		return { kind: 'create', table, ifNotExists, columns, line, params: 0 };
	}

	column(): Column {
		const name = this.ident();
		const t = this.lx.peek();
		const raw = t.kind === 'word' ? t.value.toUpperCase() : '';
		const TYPES: Record<string, ColumnType> = {
			INT: 'INT',
			INTEGER: 'INT',
			BIGINT: 'BIGINT',
			TINYINT: 'TINYINT',
			VARCHAR: 'VARCHAR',
			CHAR: 'CHAR',
			TEXT: 'TEXT',
			DECIMAL: 'DECIMAL',
			BOOLEAN: 'BOOLEAN',
			BOOL: 'BOOLEAN',
			DATETIME: 'DATETIME'
		};
		if (!Object.hasOwn(TYPES, raw)) {
			throw withLine(sqlErrors.notSupported(`column type ${t.kind === 'end' ? '(none)' : this.lx.near(t.offset).split(/[\s(,]/)[0]} (types: INT, BIGINT, TINYINT, VARCHAR(n), CHAR(n), TEXT, DECIMAL(p,s), BOOLEAN, DATETIME)`), t.line);
		}
		this.lx.next();
		const type = TYPES[raw];
		let length = type === 'DECIMAL' ? 10 : type === 'CHAR' ? 1 : 0;
		let scale = 0;
		if (this.acceptPunct('(')) {
			const n = this.lx.next();
			if (n.kind !== 'number') this.fail(n);
			length = Number(n.value);
			if (this.acceptPunct(',')) {
				const s = this.lx.next();
				if (s.kind !== 'number') this.fail(s);
				scale = Number(s.value);
			}
			this.expectPunct(')');
		}
		if ((type === 'VARCHAR' || type === 'CHAR') && (length < 1 || length > 65535 || !Number.isInteger(length))) {
			throw withLine(sqlErrors.parse(this.lx.near(t.offset), t.line), t.line);
		}
		if (type === 'DECIMAL' && (length < 1 || length > 65 || scale > 30 || scale > length || !Number.isInteger(length) || !Number.isInteger(scale))) {
			throw withLine(sqlErrors.parse(this.lx.near(t.offset), t.line), t.line);
		}
		const col: Column = { name, type, length, scale, unsigned: false, notNull: false, autoIncrement: false, primary: false, default: undefined };
		for (;;) {
			if (this.accept('UNSIGNED')) col.unsigned = true;
			else if (this.accept('NOT')) {
				this.expect('NULL');
				col.notNull = true;
			} else if (this.accept('NULL')) col.notNull = false;
			else if (this.accept('AUTO_INCREMENT')) col.autoIncrement = true;
			else if (this.accept('PRIMARY')) {
				this.expect('KEY');
				col.primary = true;
				col.notNull = true;
			} else if (this.accept('DEFAULT')) {
				const v = this.literal();
				if (v === undefined) this.fail(this.lx.peek());
				col.default = typeof v === 'boolean' ? (v ? 1 : 0) : v;
			} else if (this.accept('UNIQUE')) throw withLine(sqlErrors.notSupported('UNIQUE keys'), t.line);
			else break;
		}
		return col;
	}

	statement(): Statement {
		const t = this.lx.next();
		const w = t.kind === 'word' ? t.value.toUpperCase() : '';
		let s: Statement;
		if (w === 'SELECT') s = this.select(t.line);
		else if (w === 'INSERT') s = this.insert(t.line);
		else if (w === 'UPDATE') s = this.update(t.line);
		else if (w === 'DELETE') s = this.remove(t.line);
		else if (w === 'CREATE') s = this.create(t.line);
		else return this.fail(t);
		s.params = this.params;
		return s;
	}
}

const lexFail = (e: unknown, lx: Lexer): never => {
	if (e instanceof LexError) throw withLine(sqlErrors.parse(lx.near(e.offset), e.line), e.line);
	throw e;
};

/** One statement (a trailing `;` allowed); a second statement is a syntax error, as mysql2 sends by default. */
export function parseStatement(sql: string): Statement {
	const lx = new Lexer(sql);
	try {
		const p = new Parser(lx);
		const s = p.statement();
		p.acceptPunct(';');
		const end = lx.peek();
		if (end.kind !== 'end') p.fail(end);
		return s;
	} catch (e) {
		return lexFail(e, lx);
	}
}

/** Every statement of a script (data.sql), separated by `;`; `onStatement` runs each as it is read. */
export function parseScript(sql: string, onStatement: (s: Statement) => void): void {
	const lx = new Lexer(sql);
	try {
		for (;;) {
			while (lx.peek().kind === 'punct' && lx.peek().value === ';') lx.next();
			if (lx.peek().kind === 'end') return;
			const p = new Parser(lx);
			const s = p.statement();
			const end = lx.peek();
			if (end.kind !== 'end' && !(end.kind === 'punct' && end.value === ';')) p.fail(end);
			onStatement(s);
		}
	} catch (e) {
		lexFail(e, lx);
	}
}
