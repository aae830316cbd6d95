// The commands the simulated Redis knows, with Redis's own arities, replies and error messages.
import type { Exchange } from '../types';
import type { Blocking } from './blocking';
import { Deque } from './deque';
import { Keyspace, NOT_INTEGER, OOM, REDIS_LIMITS, ReplyError, SYNTAX } from './keyspace';
import type { PubSub } from './pubsub';
import type { RedisReply } from './wire';

/** What a command may touch; `blockedMs` is set by a command that waited (for the panel's note). */
export interface CommandContext {
	ks: Keyspace;
	blocking: Blocking;
	pubsub: PubSub;
	exchange: Exchange;
	conn: { addr: string; host: string; port: number } | null;
	blockedMs: number | null;
	/** the command now waits: the panel says so until it answers */
	onBlock(): void;
}

/** A blocking command answered by the server going away rather than with a reply. */
export interface Closed {
	closed: string;
}

export interface CommandSpec {
	/** Redis's arity: exactly n words with the name, or at least -n when negative */
	arity: number;
	run(args: string[], ctx: CommandContext): RedisReply | Promise<RedisReply | Closed>;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Redis's string2ll: no spaces, no '+', no leading zeros, within 64 bits. */
export function parseInt64(s: string): bigint | null {
	if (s.length > 20 || !/^(0|-?[1-9][0-9]*)$/.test(s)) return null;
	const n = BigInt(s);
	return n > INT64_MAX || n < INT64_MIN ? null : n;
}

function int64(s: string): bigint {
	const n = parseInt64(s);
	if (n === null) throw new ReplyError(NOT_INTEGER);
	return n;
}

function integer(s: string): number {
	const n = parseInt64(s);
	if (n === null) throw new ReplyError(NOT_INTEGER);
	return Number(n);
}

/** BRPOP's timeout: seconds, a float, not negative */
function timeoutMs(s: string): number {
	const n = s.length <= 64 && /^[0-9.eE+-]+$/.test(s) ? Number(s) : NaN;
	if (!Number.isFinite(n)) throw new ReplyError('ERR timeout is not a float or out of range');
	if (n < 0) throw new ReplyError('ERR timeout is negative');
	return n * 1000;
}

function setString(ks: Keyspace, key: string, value: string, expiresAt: number | null): void {
	const old = ks.get(key);
	ks.reserve(value.length - (old ? old.bytes : -key.length), !old);
	ks.put(key, { type: 'string', value, bytes: value.length, expiresAt });
}

function set(args: string[], { ks }: CommandContext): RedisReply {
	const [key, value] = args;
	let nx = false;
	let xx = false;
	let get = false;
	let keepTtl = false;
	let expiresAt: number | null = null;
	let hasExpiry = false;
	for (let i = 2; i < args.length; i++) {
		const opt = args[i].toUpperCase();
		if (opt === 'NX' && !xx) nx = true;
		else if (opt === 'XX' && !nx) xx = true;
		else if (opt === 'GET') get = true;
		else if (opt === 'KEEPTTL' && !hasExpiry) keepTtl = true;
		else if ((opt === 'EX' || opt === 'PX' || opt === 'EXAT' || opt === 'PXAT') && !hasExpiry && !keepTtl && i + 1 < args.length) {
			const n = integer(args[++i]);
			const ms = opt === 'EX' || opt === 'EXAT' ? n * 1000 : n;
			if (n <= 0 || !Number.isSafeInteger(ms)) throw new ReplyError("ERR invalid expire time in 'set' command");
			// EXAT/PXAT are Unix times; the run's clock starts at 0, so they count from now
			expiresAt = ks.now() + (opt === 'EXAT' || opt === 'PXAT' ? Math.max(0, ms - Date.now()) : ms);
			hasExpiry = true;
		} else throw new ReplyError(SYNTAX);
	}
	const old = ks.get(key);
	if (get && old && old.type !== 'string') ks.getOfType(key, 'string');
	const previous = get && old?.type === 'string' ? old.value : null;
	if ((nx && old) || (xx && !old)) return get ? previous : null;
	setString(ks, key, value, keepTtl && old ? old.expiresAt : expiresAt);
	return get ? previous : 'OK';
}

function incrBy(ks: Keyspace, key: string, by: bigint): RedisReply {
	const e = ks.getOfType(key, 'string');
	const current = e ? parseInt64(e.value) : 0n;
	if (current === null) throw new ReplyError(NOT_INTEGER);
	const next = current + by;
	if (next > INT64_MAX || next < INT64_MIN) throw new ReplyError('ERR increment or decrement would overflow');
	setString(ks, key, next.toString(), e ? e.expiresAt : null);
	return Number(next);
}

function expire(args: string[], { ks }: CommandContext): RedisReply {
	const [key, secs, ...opts] = args;
	const seconds = integer(secs);
	const flags = new Set<string>();
	for (const o of opts) {
		const u = o.toUpperCase();
		if (u !== 'NX' && u !== 'XX' && u !== 'GT' && u !== 'LT') throw new ReplyError(`ERR Unsupported option ${o.slice(0, 64)}`);
		flags.add(u);
	}
	if (flags.has('NX') && flags.size > 1) throw new ReplyError('ERR NX and XX, GT or LT options at the same time are not compatible');
	if (flags.has('GT') && flags.has('LT')) throw new ReplyError('ERR GT and LT options at the same time are not compatible');
	const e = ks.get(key);
	if (!e) return 0;
	const at = ks.now() + seconds * 1000;
	const current = e.expiresAt;
	if (flags.has('NX') && current !== null) return 0;
	if (flags.has('XX') && current === null) return 0;
	if (flags.has('GT') && (current === null || at <= current)) return 0;
	if (flags.has('LT') && current !== null && at >= current) return 0;
	if (seconds <= 0) ks.delete(key);
	else ks.setExpiry(key, e, at);
	return 1;
}

function push(args: string[], ctx: CommandContext, left: boolean): RedisReply {
	const [key, ...elements] = args;
	const { ks } = ctx;
	let e = ks.getOfType(key, 'list');
	if ((e ? e.value.length : 0) + elements.length > REDIS_LIMITS.maxListLength) throw new ReplyError(OOM);
	const weight = elements.reduce((n, x) => n + x.length, 0);
	ks.reserve(weight + (e ? 0 : key.length), !e);
	if (!e) {
		e = { type: 'list', value: new Deque<string>(), bytes: 0, expiresAt: null };
		ks.put(key, e);
	}
	for (const x of elements) (left ? e.value.pushFront(x) : e.value.pushBack(x));
	ks.resize(e, weight);
	const length = e.value.length;
	// the reply is the length after the push; clients blocked on the key take their elements next
	ctx.blocking.serve(key);
	return length;
}

function pop(args: string[], { ks }: CommandContext, left: boolean): RedisReply {
	if (args.length > 2) throw new ReplyError(`ERR wrong number of arguments for '${left ? 'lpop' : 'rpop'}' command`);
	let count: number | null = null;
	if (args.length === 2) {
		count = integer(args[1]);
		if (count < 0) throw new ReplyError('ERR value is out of range, must be positive');
	}
	const e = ks.getOfType(args[0], 'list');
	if (!e) return null;
	const out: string[] = [];
	for (let i = 0; i < (count ?? 1) && e.value.length > 0; i++) {
		const x = (left ? e.value.popFront() : e.value.popBack())!;
		ks.resize(e, -x.length);
		out.push(x);
	}
	if (e.value.length === 0) ks.delete(args[0]);
	return count === null ? out[0] : out;
}

async function blockingPop(args: string[], ctx: CommandContext, left: boolean): Promise<RedisReply | Closed> {
	const keys = args.slice(0, -1);
	const ms = timeoutMs(args[args.length - 1]);
	for (const key of keys) {
		const e = ctx.ks.getOfType(key, 'list');
		if (!e) continue;
		const x = (left ? e.value.popFront() : e.value.popBack())!;
		ctx.ks.resize(e, -x.length);
		if (e.value.length === 0) ctx.ks.delete(key);
		return [key, x];
	}
	const waiting = ctx.blocking.block(keys, left, ms, ctx.conn?.addr ?? null);
	// waiting for ever must not keep the run alive; a timeout still counts until it answers
	if (ms === 0) ctx.exchange.park();
	ctx.onBlock();
	const since = ctx.ks.now();
	const r = await waiting;
	ctx.blockedMs = ctx.ks.now() - since;
	if ('popped' in r) return r.popped;
	if ('timeout' in r) return null;
	return r;
}

function hset(args: string[], { ks }: CommandContext): RedisReply {
	const [key, ...pairs] = args;
	if (pairs.length % 2 !== 0) throw new ReplyError("ERR wrong number of arguments for 'hset' command");
	let e = ks.getOfType(key, 'hash');
	if ((e ? e.value.size : 0) + pairs.length / 2 > REDIS_LIMITS.maxHashFields) throw new ReplyError(OOM);
	ks.reserve(pairs.reduce((n, x) => n + x.length, 0), !e);
	if (!e) {
		e = { type: 'hash', value: new Map(), bytes: 0, expiresAt: null };
		ks.put(key, e);
	}
	let added = 0;
	for (let i = 0; i < pairs.length; i += 2) {
		const old = e.value.get(pairs[i]);
		if (old === undefined) added++;
		ks.resize(e, old === undefined ? pairs[i].length + pairs[i + 1].length : pairs[i + 1].length - old.length);
		e.value.set(pairs[i], pairs[i + 1]);
	}
	return added;
}

function hdel(args: string[], { ks }: CommandContext): RedisReply {
	const [key, ...fields] = args;
	const e = ks.getOfType(key, 'hash');
	if (!e) return 0;
	let n = 0;
	for (const f of fields) {
		const old = e.value.get(f);
		if (old === undefined) continue;
		e.value.delete(f);
		ks.resize(e, -(f.length + old.length));
		n++;
	}
	if (e.value.size === 0) ks.delete(key);
	return n;
}

function lrange(args: string[], { ks }: CommandContext): RedisReply {
	const e = ks.getOfType(args[0], 'list');
	let start = integer(args[1]);
	let stop = integer(args[2]);
	if (!e) return [];
	const n = e.value.length;
	if (start < 0) start = Math.max(0, n + start);
	if (stop < 0) stop = n + stop;
	stop = Math.min(stop, n - 1);
	const out: string[] = [];
	for (let i = start; i <= stop; i++) out.push(e.value.at(i)!);
	return out;
}

function needsConn(ctx: CommandContext, name: string): NonNullable<CommandContext['conn']> {
	if (!ctx.conn) throw new ReplyError(`ERR ${name} needs the connection's address (the redis-client header)`);
	return ctx.conn;
}

export const COMMANDS = new Map<string, CommandSpec>([
	['PING', { arity: -1, run: (a) => (a.length > 1 ? wrongArity('ping') : a.length === 1 ? a[0] : 'PONG') }],
	['ECHO', { arity: 2, run: (a) => a[0] }],
	['GET', { arity: 2, run: (a, { ks }) => ks.getOfType(a[0], 'string')?.value ?? null }],
	['SET', { arity: -3, run: set }],
	['DEL', { arity: -2, run: (a, { ks }) => a.filter((k) => ks.get(k) !== undefined && ks.delete(k)).length }],
	['EXISTS', { arity: -2, run: (a, { ks }) => a.filter((k) => ks.get(k) !== undefined).length }],
	['TYPE', { arity: 2, run: (a, { ks }) => ks.get(a[0])?.type ?? 'none' }],
	['INCR', { arity: 2, run: (a, { ks }) => incrBy(ks, a[0], 1n) }],
	['DECR', { arity: 2, run: (a, { ks }) => incrBy(ks, a[0], -1n) }],
	['INCRBY', { arity: 3, run: (a, { ks }) => incrBy(ks, a[0], int64(a[1])) }],
	['EXPIRE', { arity: -3, run: expire }],
	['TTL', { arity: 2, run: (a, { ks }) => ttl(ks, a[0], 1000) }],
	['PTTL', { arity: 2, run: (a, { ks }) => ttl(ks, a[0], 1) }],
	['LPUSH', { arity: -3, run: (a, c) => push(a, c, true) }],
	['RPUSH', { arity: -3, run: (a, c) => push(a, c, false) }],
	['LPOP', { arity: -2, run: (a, c) => pop(a, c, true) }],
	['RPOP', { arity: -2, run: (a, c) => pop(a, c, false) }],
	['LLEN', { arity: 2, run: (a, { ks }) => ks.getOfType(a[0], 'list')?.value.length ?? 0 }],
	['LRANGE', { arity: 4, run: lrange }],
	['BLPOP', { arity: -3, run: (a, c) => blockingPop(a, c, true) }],
	['BRPOP', { arity: -3, run: (a, c) => blockingPop(a, c, false) }],
	['HSET', { arity: -4, run: hset }],
	['HGET', { arity: 3, run: (a, { ks }) => ks.getOfType(a[0], 'hash')?.value.get(a[1]) ?? null }],
	['HGETALL', { arity: 2, run: (a, { ks }) => [...(ks.getOfType(a[0], 'hash')?.value ?? [])].flat() }],
	['HDEL', { arity: -3, run: hdel }],
	['PUBLISH', { arity: 3, run: (a, { pubsub }) => pubsub.publish(a[0], a[1]) }],
	['SUBSCRIBE', { arity: -2, run: (a, c) => c.pubsub.subscribe(needsConn(c, 'SUBSCRIBE'), a) }],
	['UNSUBSCRIBE', { arity: -1, run: (a, c) => c.pubsub.unsubscribe(c.conn?.addr ?? null, a) }],
	[
		'QUIT',
		{
			arity: -1,
			run: (_a, c) => {
				if (c.conn) {
					c.blocking.dropConn(c.conn.addr, 'connection closed (QUIT)');
					c.pubsub.drop(c.conn.addr);
				}
				return 'OK';
			}
		}
	]
]);

/** What a subscribed connection may still send. */
export const PUBSUB_ALLOWED = new Set(['SUBSCRIBE', 'UNSUBSCRIBE', 'PSUBSCRIBE', 'PUNSUBSCRIBE', 'SSUBSCRIBE', 'SUNSUBSCRIBE', 'PING', 'QUIT', 'RESET']);

function wrongArity(name: string): never {
	throw new ReplyError(`ERR wrong number of arguments for '${name}' command`);
}

function ttl(ks: Keyspace, key: string, unit: number): RedisReply {
	const e = ks.get(key);
	if (!e) return -2;
	if (e.expiresAt === null) return -1;
	const ms = Math.max(0, e.expiresAt - ks.now());
	return unit === 1 ? Math.round(ms) : Math.floor((ms + 500) / 1000);
}

export { wrongArity };
