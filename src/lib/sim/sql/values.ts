// Column types and values. Stored values are what mysql2 hands learners by default: integers and
// BOOLEAN (TINYINT(1)) as numbers, DECIMAL as a string ('12.50'), DATETIME as 'YYYY-MM-DD HH:MM:SS'
// (the client turns it into a Date), text as strings. Comparisons follow MySQL's rules in the common
// cases: numbers against strings compare as numbers, strings compare case-insensitively.
import { sqlErrors } from './errors';

export type Value = number | string | null;
/** what a statement may carry: a literal or a bound parameter */
export type Input = Value | boolean;

export type ColumnType = 'INT' | 'BIGINT' | 'TINYINT' | 'VARCHAR' | 'CHAR' | 'TEXT' | 'DECIMAL' | 'BOOLEAN' | 'DATETIME';

export const COLUMN_TYPES: readonly string[] = ['INT', 'INTEGER', 'BIGINT', 'TINYINT', 'VARCHAR', 'CHAR', 'TEXT', 'DECIMAL', 'BOOLEAN', 'BOOL', 'DATETIME'];

export interface Column {
	name: string;
	type: ColumnType;
	/** VARCHAR/CHAR length, DECIMAL precision */
	length: number;
	/** DECIMAL scale */
	scale: number;
	unsigned: boolean;
	notNull: boolean;
	autoIncrement: boolean;
	primary: boolean;
	default: Value | undefined;
}

const RANGES: Record<string, [number, number]> = {
	INT: [-2147483648, 2147483647],
	BIGINT: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
	TINYINT: [-128, 127],
	BOOLEAN: [-128, 127]
};

export const isNumeric = (t: ColumnType) => t === 'INT' || t === 'BIGINT' || t === 'TINYINT' || t === 'BOOLEAN' || t === 'DECIMAL';
const isText = (t: ColumnType) => t === 'VARCHAR' || t === 'CHAR' || t === 'TEXT';

/** MySQL's string-to-number: the leading number, or 0 ('12abc' → 12, 'abc' → 0). */
export function toNumber(v: Input): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'boolean') return v ? 1 : 0;
	if (v === null) return NaN;
	const n = parseFloat(v);
	return Number.isFinite(n) ? n : 0;
}

/** a number in the text's entirety (for strict stores: '12' yes, '12abc' no) */
function strictNumber(v: string): number | null {
	const t = v.trim();
	if (t === '' || t.length > 400) return null;
	const n = Number(t);
	return Number.isFinite(n) ? n : null;
}

function pad(n: number, w: number): string {
	return String(n).padStart(w, '0');
}

/** 'YYYY-MM-DD[ HH:MM:SS[.fff]]' (or with a T) → 'YYYY-MM-DD HH:MM:SS', or null. Hand-parsed: no regex on input. */
export function normalizeDatetime(v: string): string | null {
	const s = v.trim();
	if (s.length < 10 || s.length > 32) return null;
	const digits = (from: number, len: number): number | null => {
		let n = 0;
		for (let i = from; i < from + len; i++) {
			const c = s.charCodeAt(i);
			if (c < 48 || c > 57) return null;
			n = n * 10 + c - 48;
		}
		return n;
	};
	const y = digits(0, 4),
		mo = digits(5, 2),
		d = digits(8, 2);
	if (y === null || mo === null || d === null || s[4] !== '-' || s[7] !== '-') return null;
	let h = 0,
		mi = 0,
		se = 0;
	if (s.length > 10) {
		if ((s[10] !== ' ' && s[10] !== 'T') || s.length < 19 || s[13] !== ':' || s[16] !== ':') return null;
		const hh = digits(11, 2),
			mm = digits(14, 2),
			ss = digits(17, 2);
		if (hh === null || mm === null || ss === null) return null;
		if (s.length > 19) {
			if (s[19] !== '.' || digits(20, s.length - 20) === null) return null;
		}
		[h, mi, se] = [hh, mm, ss];
	}
	const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || se > 59) return null;
	return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(se, 2)}`;
}

const show = (v: Input) => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/** The value `v` becomes in column `c` (strict mode: a bad value is an error, not a warning). */
export function coerce(c: Column, v: Input, row: number): Value {
	if (v === null) {
		if (c.notNull) throw sqlErrors.badNull(c.name);
		return null;
	}
	if (isText(c.type)) {
		const s = show(v);
		const max = c.type === 'TEXT' ? 65535 : c.length;
		if (s.length > max) throw sqlErrors.tooLong(c.name, row);
		return s;
	}
	if (c.type === 'DATETIME') {
		const d = typeof v === 'string' ? normalizeDatetime(v) : null;
		if (d === null) throw sqlErrors.wrongDatetime(show(v), c.name, row);
		return d;
	}
	const n = typeof v === 'string' ? strictNumber(v) : toNumber(v);
	if (c.type === 'DECIMAL') {
		if (n === null) throw sqlErrors.wrongValue('decimal', show(v), c.name, row);
		const fixed = n.toFixed(c.scale);
		const whole = fixed.replace('-', '').split('.')[0];
		if ((whole !== '0' && whole.length > c.length - c.scale) || (c.unsigned && n < 0)) throw sqlErrors.outOfRange(c.name, row);
		return fixed;
	}
	if (n === null) throw sqlErrors.wrongValue('integer', show(v), c.name, row);
	const i = Math.round(n);
	const [lo, hi] = RANGES[c.type];
	if (i < (c.unsigned ? 0 : lo) || i > (c.unsigned && c.type !== 'BIGINT' ? hi * 2 + 1 : hi)) throw sqlErrors.outOfRange(c.name, row);
	return i;
}

/** -1, 0, 1; null when either side is NULL (a comparison with NULL is unknown: never true). */
export function compare(c: Column, stored: Value, operand: Input): number | null {
	if (stored === null || operand === null) return null;
	if (isNumeric(c.type) || typeof operand === 'number' || typeof operand === 'boolean') {
		const a = toNumber(stored);
		const b = toNumber(operand);
		return a < b ? -1 : a > b ? 1 : 0;
	}
	let b = String(operand);
	if (c.type === 'DATETIME') b = normalizeDatetime(b) ?? b;
	const a = String(stored).toLowerCase();
	b = b.toLowerCase();
	return a < b ? -1 : a > b ? 1 : 0;
}

/** ORDER BY: NULLs first ascending, as in MySQL */
export function order(c: Column, a: Value, b: Value): number {
	if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
	return compare(c, a, b) ?? 0;
}

/** the primary-key index's key: equal under compare() ⇔ equal keys */
export function indexKey(c: Column, v: Input): string | number | null {
	if (v === null) return null;
	if (isNumeric(c.type)) return toNumber(v);
	if (c.type === 'DATETIME') return normalizeDatetime(String(v)) ?? String(v).toLowerCase();
	return String(v).toLowerCase();
}

/** characters the value takes, for the database's size cap */
export const sizeOf = (v: Value) => (typeof v === 'string' ? v.length : 8);

/** mysql2's column descriptor for a result field */
export function fieldOf(c: Column, name: string, table: string, db: string) {
	const TYPES: Record<ColumnType, [number, number]> = {
		INT: [3, 11],
		BIGINT: [8, 20],
		TINYINT: [1, 4],
		BOOLEAN: [1, 1],
		DECIMAL: [246, c.length + 2],
		VARCHAR: [253, c.length * 4],
		CHAR: [254, c.length * 4],
		TEXT: [252, 262140],
		DATETIME: [12, 19]
	};
	const [type, columnLength] = TYPES[c.type];
	const flags = (c.notNull ? 1 : 0) | (c.primary ? 2 : 0) | (c.unsigned ? 32 : 0) | (c.autoIncrement ? 512 : 0);
	return {
		catalog: 'def',
		schema: db,
		name,
		orgName: c.name,
		table,
		orgTable: table,
		characterSet: isText(c.type) ? 255 : 63,
		columnLength,
		columnType: type,
		type,
		flags,
		decimals: c.type === 'DECIMAL' ? c.scale : 0
	};
}

export type Field = ReturnType<typeof fieldOf>;
