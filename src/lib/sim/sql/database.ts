// The tables and what a statement does to them. Rows are arrays in insertion order (deleted rows
// leave a hole until enough holes pile up to compact); the primary key has a Map index, so a lookup
// by key touches one row — the latency model charges per row scanned.
import { SqlError, sqlErrors } from './errors';
import type { Condition, Operand, Statement } from './parser';
import { coerce, compare, fieldOf, indexKey, isNumeric, order, sizeOf, toNumber, type Column, type Field, type Input, type Value } from './values';

export interface Limits {
	maxTables: number;
	maxRowsPerTable: number;
	maxColumns: number;
	maxResultRows: number;
	/** characters of data in all tables */
	maxChars: number;
	/** SLEEP(n) longer than this (seconds) is refused */
	maxSleepSeconds: number;
}

export const DEFAULT_LIMITS: Limits = { maxTables: 100, maxRowsPerTable: 100_000, maxColumns: 100, maxResultRows: 10_000, maxChars: 32_000_000, maxSleepSeconds: 600 };

export type Result =
	| { kind: 'rows'; fields: Field[]; rows: Value[][]; scanned: number }
	| { kind: 'header'; affectedRows: number; insertId: number; changedRows?: number; info: string; scanned: number }
	| { kind: 'sleep'; seconds: number; fields: Field[]; rows: Value[][] };

interface Table {
	name: string;
	columns: Column[];
	byName: Map<string, number>;
	rows: (Value[] | null)[];
	live: number;
	/** index of the primary key column, -1 without one */
	pk: number;
	/** primary key → slot in rows */
	index: Map<string | number, number>;
	autoInc: number;
}

type Row = Value[];

const rowSize = (r: Row) => r.reduce<number>((n, v) => n + sizeOf(v), 0);

export class Database {
	private tables = new Map<string, Table>();
	private chars = 0;

	constructor(private readonly limits: Limits = DEFAULT_LIMITS) {}

	tableCount(): number {
		return this.tables.size;
	}

	/** runs one parsed statement; `db` is the name the client used, for messages */
	execute(s: Statement, params: readonly Input[], db: string): Result {
		if (params.length !== s.params) throw sqlErrors.wrongArguments('mysqld_stmt_execute');
		const val = (o: Operand, row?: Row, t?: Table): Input => {
			if (o.kind === 'lit') return o.value;
			if (o.kind === 'param') return params[o.index];
			return row![this.column(t!, o.name, 'field list')];
		};
		switch (s.kind) {
			case 'sleep': {
				const v = val(s.arg);
				const n = toNumber(v);
				if (v === null || !Number.isFinite(n) || n < 0 || n > this.limits.maxSleepSeconds) {
					throw sqlErrors.wrongArguments(`sleep. (the simulated database sleeps 0 to ${this.limits.maxSleepSeconds} seconds)`);
				}
				const field = { ...fieldOf(col('x', 'BIGINT'), s.label, '', ''), orgName: '' };
				return { kind: 'sleep', seconds: n, fields: [field], rows: [[0]] };
			}
			case 'create':
				return this.create(s, db);
			case 'select':
				return this.select(s, this.table(s.table, db), val, db);
			case 'insert':
				return this.insert(s.columns, s.rows, this.table(s.table, db), val);
			case 'update':
				return this.update(s, this.table(s.table, db), val);
			case 'delete':
				return this.remove(s.where, this.table(s.table, db), val);
		}
	}

	private table(name: string, db: string): Table {
		const t = this.tables.get(name);
		if (!t) throw sqlErrors.noSuchTable(db, name);
		return t;
	}

	private column(t: Table, name: string, where: string): number {
		const i = t.byName.get(name.toLowerCase());
		if (i === undefined) throw sqlErrors.badField(name, where);
		return i;
	}

	private create(s: Extract<Statement, { kind: 'create' }>, db: string): Result {
		const ok: Result = { kind: 'header', affectedRows: 0, insertId: 0, info: '', scanned: 0 };
		if (this.tables.has(s.table)) {
			if (s.ifNotExists) return ok;
			throw sqlErrors.tableExists(s.table);
		}
		if (this.tables.size >= this.limits.maxTables) throw sqlErrors.cantCreate(db, s.table, `the simulated database holds at most ${this.limits.maxTables} tables`);
		if (s.columns.length > this.limits.maxColumns) throw sqlErrors.tooManyFields();
		const byName = new Map<string, number>();
		s.columns.forEach((c, i) => {
			if (byName.has(c.name.toLowerCase())) throw sqlErrors.dupField(c.name);
			byName.set(c.name.toLowerCase(), i);
		});
		const pks = s.columns.filter((c) => c.primary);
		if (pks.length > 1) throw sqlErrors.multiplePrimary();
		const autos = s.columns.filter((c) => c.autoIncrement);
		if (autos.length > 1 || (autos.length === 1 && (!autos[0].primary || !isNumeric(autos[0].type) || autos[0].type === 'DECIMAL'))) throw sqlErrors.wrongAutoKey();
		for (const c of s.columns) {
			if (c.default === undefined) continue;
			try {
				c.default = coerce(c, c.default, 1);
			} catch {
				throw sqlErrors.invalidDefault(c.name);
			}
		}
		this.tables.set(s.table, {
			name: s.table,
			columns: s.columns,
			byName,
			rows: [],
			live: 0,
			pk: s.columns.findIndex((c) => c.primary),
			index: new Map(),
			autoInc: 1
		});
		return ok;
	}

	/** the slots of the rows matching every condition, and how many rows were looked at */
	private match(t: Table, where: Condition[], val: (o: Operand) => Input): { slots: number[]; scanned: number } {
		const conds = where.map((c) => ({ i: this.column(t, c.col, 'where clause'), op: c.op, v: c.right ? val(c.right) : null }));
		const test = (r: Row) =>
			conds.every(({ i, op, v }) => {
				if (op === 'IS NULL') return r[i] === null;
				if (op === 'IS NOT NULL') return r[i] !== null;
				const c = compare(t.columns[i], r[i], v);
				if (c === null) return false;
				return op === '=' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
			});
		const byKey = t.pk >= 0 ? conds.find((c) => c.i === t.pk && c.op === '=' && c.v !== null) : undefined;
		if (byKey) {
			const key = indexKey(t.columns[t.pk], byKey.v);
			const slot = key === null ? undefined : t.index.get(key);
			const r = slot === undefined ? null : t.rows[slot];
			return { slots: r && test(r) ? [slot!] : [], scanned: 1 };
		}
		const slots: number[] = [];
		for (let s = 0; s < t.rows.length; s++) {
			const r = t.rows[s];
			if (r && test(r)) slots.push(s);
		}
		return { slots, scanned: t.live };
	}

	private select(s: Extract<Statement, { kind: 'select' }>, t: Table, val: (o: Operand) => Input, db: string): Result {
		const { slots, scanned } = this.match(t, s.where, val);
		if (s.columns === 'count') {
			return { kind: 'rows', fields: [{ ...fieldOf(col('COUNT(*)', 'BIGINT'), 'COUNT(*)', '', ''), orgName: '', schema: '' }], rows: [[slots.length]], scanned };
		}
		const picked = s.columns === '*' ? t.columns.map((c, i) => ({ i, name: c.name })) : s.columns.map((name) => ({ i: this.column(t, name, 'field list'), name }));
		const keys = s.orderBy.map((o) => ({ i: this.column(t, o.col, 'order clause'), desc: o.desc }));
		let rows = slots.map((slot) => t.rows[slot]!);
		if (keys.length) {
			rows.sort((a, b) => {
				for (const k of keys) {
					const c = order(t.columns[k.i], a[k.i], b[k.i]);
					if (c !== 0) return k.desc ? -c : c;
				}
				return 0;
			});
		}
		const count = (o: Operand | null, what: string): number | null => {
			if (!o) return null;
			const v = val(o);
			const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
			if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw sqlErrors.wrongArguments(what);
			return n;
		};
		const limit = count(s.limit, 'LIMIT');
		const offset = count(s.offset, 'OFFSET') ?? 0;
		if (offset > 0 || limit !== null) rows = rows.slice(offset, limit === null ? undefined : offset + limit);
		if (rows.length > this.limits.maxResultRows) throw sqlErrors.tooBigSelect(this.limits.maxResultRows);
		return {
			kind: 'rows',
			fields: picked.map((p) => fieldOf(t.columns[p.i], p.name, t.name, db)),
			rows: rows.map((r) => picked.map((p) => r[p.i])),
			scanned
		};
	}

	private insert(names: string[] | null, values: Operand[][], t: Table, val: (o: Operand) => Input): Result {
		const targets = names ? names.map((n) => this.column(t, n, 'field list')) : t.columns.map((_, i) => i);
		if (new Set(targets).size !== targets.length) throw sqlErrors.fieldTwice(names![targets.findIndex((x, i) => targets.indexOf(x) !== i)]);
		if (t.live + values.length > this.limits.maxRowsPerTable) throw sqlErrors.tableFull(t.name, `the simulated database keeps at most ${this.limits.maxRowsPerTable} rows per table`);
		let autoInc = t.autoInc;
		let insertId = 0;
		const fresh = new Map<string | number, number>();
		const built: Row[] = [];
		let chars = 0;
		values.forEach((ops, r) => {
			if (ops.length !== targets.length) throw sqlErrors.valueCount(r + 1);
			const given = new Map<number, Input>();
			ops.forEach((o, k) => given.set(targets[k], val(o)));
			const row: Row = t.columns.map((c, i) => {
				const v = given.get(i);
				if (c.autoIncrement) {
					if (v === undefined || v === null || toNumber(v) === 0) {
						if (insertId === 0) insertId = autoInc;
						return autoInc++;
					}
					const n = coerce(c, v, r + 1) as number;
					if (n >= autoInc) autoInc = n + 1;
					return n;
				}
				if (v !== undefined) return coerce(c, v, r + 1);
				if (c.default !== undefined) return c.default;
				if (c.notNull) throw sqlErrors.noDefault(c.name);
				return null;
			});
			if (t.pk >= 0) {
				const key = indexKey(t.columns[t.pk], row[t.pk])!;
				if (t.index.has(key) || fresh.has(key)) throw sqlErrors.dupEntry(String(row[t.pk]), t.name);
				fresh.set(key, built.length);
			}
			chars += rowSize(row);
			built.push(row);
		});
		if (this.chars + chars > this.limits.maxChars) throw sqlErrors.tableFull(t.name, `the simulated database keeps at most ${this.limits.maxChars} characters of data`);
		for (const row of built) {
			if (t.pk >= 0) t.index.set(indexKey(t.columns[t.pk], row[t.pk])!, t.rows.length);
			t.rows.push(row);
		}
		t.live += built.length;
		t.autoInc = autoInc;
		this.chars += chars;
		const info = built.length > 1 ? `Records: ${built.length}  Duplicates: 0  Warnings: 0` : '';
		return { kind: 'header', affectedRows: built.length, insertId, info, scanned: 0 };
	}

	private update(s: Extract<Statement, { kind: 'update' }>, t: Table, val: (o: Operand, row?: Row, t?: Table) => Input): Result {
		const sets = s.set.map((c) => ({ i: this.column(t, c.col, 'field list'), c }));
		const { slots, scanned } = this.match(t, s.where, (o) => val(o));
		const next: Row[] = slots.map((slot, n) => {
			// assignments run left to right and see the ones before them, as in MySQL
			const row = [...t.rows[slot]!];
			for (const { i, c } of sets) {
				let v = val(c.left, row, t);
				if (c.op && c.right) {
					const r = val(c.right, row, t);
					v = v === null || r === null ? null : c.op === '+' ? toNumber(v) + toNumber(r) : toNumber(v) - toNumber(r);
				}
				row[i] = coerce(t.columns[i], v, n + 1);
			}
			return row;
		});
		let changed = 0;
		let delta = 0;
		const movesKey = t.pk >= 0 && sets.some((x) => x.i === t.pk);
		const matched = new Set(movesKey ? slots : []);
		const pkMoves = new Map<string | number, number>();
		next.forEach((row, n) => {
			const old = t.rows[slots[n]]!;
			if (row.some((v, i) => v !== old[i])) changed++;
			delta += rowSize(row) - rowSize(old);
			if (movesKey) {
				// a new key may take one an updated row leaves, not one another row keeps
				const key = indexKey(t.columns[t.pk], row[t.pk])!;
				const at = t.index.get(key);
				if (pkMoves.has(key) || (at !== undefined && !matched.has(at))) throw sqlErrors.dupEntry(String(row[t.pk]), t.name);
				pkMoves.set(key, slots[n]);
			}
		});
		if (this.chars + delta > this.limits.maxChars) throw sqlErrors.tableFull(t.name, `the simulated database keeps at most ${this.limits.maxChars} characters of data`);
		if (movesKey) {
			for (const slot of slots) t.index.delete(indexKey(t.columns[t.pk], t.rows[slot]![t.pk])!);
			for (const [key, slot] of pkMoves) t.index.set(key, slot);
		}
		slots.forEach((slot, n) => (t.rows[slot] = next[n]));
		this.chars += delta;
		return { kind: 'header', affectedRows: slots.length, insertId: 0, changedRows: changed, info: `Rows matched: ${slots.length}  Changed: ${changed}  Warnings: 0`, scanned };
	}

	private remove(where: Condition[], t: Table, val: (o: Operand) => Input): Result {
		const { slots, scanned } = this.match(t, where, val);
		for (const slot of slots) {
			const row = t.rows[slot]!;
			if (t.pk >= 0) t.index.delete(indexKey(t.columns[t.pk], row[t.pk])!);
			this.chars -= rowSize(row);
			t.rows[slot] = null;
		}
		t.live -= slots.length;
		if (t.rows.length - t.live > Math.max(1000, t.live)) compact(t);
		return { kind: 'header', affectedRows: slots.length, insertId: 0, info: '', scanned };
	}
}

/** drop the holes deleted rows left, and point the index at the new slots */
function compact(t: Table): void {
	t.rows = t.rows.filter((r) => r !== null);
	t.index.clear();
	if (t.pk >= 0) t.rows.forEach((r, slot) => t.index.set(indexKey(t.columns[t.pk], r![t.pk])!, slot));
}

function col(name: string, type: Column['type']): Column {
	return { name, type, length: 0, scale: 0, unsigned: false, notNull: false, autoIncrement: false, primary: false, default: undefined };
}

export { SqlError };
