import type { Network } from '../network/network';
import type { Exchange, SimRequest, SimResponse } from '../types';
import type { HostContext, RunningHost, WorldHostKind } from '../world/types';
import { Blocking, type Timers } from './blocking';
import { COMMANDS, PUBSUB_ALLOWED, type Closed, type CommandContext } from './commands';
import { formatCommand, formatError, formatReply } from './format';
import { Keyspace, REDIS_LIMITS, ReplyError } from './keyspace';
import { PubSub } from './pubsub';
import { CLIENT_HEADER, encodeReply, parseClientAddr, REDIS_HOST, REDIS_PORT, type RedisReply } from './wire';

export interface RedisHostOptions {
	/** the run's clock in ms (expiry, BRPOP timeouts); performance.now() by default */
	now?: () => number;
	setTimer?: Timers['setTimer'];
	clearTimer?: Timers['clearTimer'];
}

export interface RunningRedis extends RunningHost {
	/** the keyspace, for tests that look inside */
	readonly keyspace: Keyspace;
}

const json = { 'content-type': 'application/json' };
const reply = (r: { ok: RedisReply } | { error: string }): SimResponse => ({ status: 200, headers: json, body: encodeReply(r) });
/** not a reply: the server closed the connection (QUIT with a command still blocked, shutdown) */
const closed = (why: string): SimResponse => ({ status: 503, headers: { 'content-type': 'text/plain' }, body: why });

/** The arguments from a body: a JSON array of strings, within the protocol's limits. */
function parseArgs(body: string): string[] | string {
	if (body.length > REDIS_LIMITS.maxArgLength * 4) return 'ERR Protocol error: invalid bulk length';
	let x: unknown;
	try {
		x = JSON.parse(body === '' ? '[]' : body);
	} catch {
		return 'ERR Protocol error: the body should be a JSON array of strings';
	}
	if (!Array.isArray(x) || !x.every((a) => typeof a === 'string')) return 'ERR Protocol error: the body should be a JSON array of strings';
	if (x.length > REDIS_LIMITS.maxArgs) return 'ERR Protocol error: invalid multibulk length';
	if (x.some((a: string) => a.length > REDIS_LIMITS.maxArgLength)) return 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';
	return x as string[];
}

/** Only database 0 exists, as with `databases 1`: redis://redis:6379, …/ and …/0 */
function dbOf(url: string): boolean {
	try {
		const p = new URL(url).pathname;
		return p === '' || p === '/' || p === '/0';
	} catch {
		return false;
	}
}

/** Redis's own words for a command it does not know, with the start of its arguments. */
function unknownCommand(name: string, args: string[]): string {
	let start = '';
	for (const a of args) {
		if (start.length >= 128) break;
		start += `'${a.slice(0, 128 - start.length)}' `;
	}
	return `ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${start}`;
}

/** Redis's error replies are one line. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** The simulated Redis of one run on `network`, host redis:6379. */
export function startRedis(network: Network, _ctx?: HostContext, options: RedisHostOptions = {}): RunningRedis {
	const now = options.now ?? (() => performance.now());
	const timers: Timers = {
		setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
		clearTimer: options.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>))
	};
	const keyspace = new Keyspace(now);
	const blocking = new Blocking(keyspace, timers);
	const pubsub = new PubSub(network);
	let stopped = false;

	async function handle(req: SimRequest, exchange: Exchange): Promise<SimResponse> {
		if (stopped) return closed('server shutting down');
		const name = String(req.method).toUpperCase().slice(0, 64);
		const parsed = parseArgs(typeof req.body === 'string' ? req.body : '');
		if (typeof parsed === 'string') {
			exchange.note(`${name} → ${formatError(parsed)}`);
			return reply({ error: parsed });
		}
		const args = parsed;
		const line = formatCommand(name, args);
		const ctx: CommandContext = { ks: keyspace, blocking, pubsub, exchange, conn: parseClientAddr(req.headers[CLIENT_HEADER]), blockedMs: null, onBlock: () => exchange.note(`${line} → (blocked)`) };
		try {
			const out = await run(name, args, ctx, String(req.url));
			if (typeof out === 'object' && out !== null && !Array.isArray(out)) {
				exchange.note(`${line} → ${blocked(ctx)}${out.closed}`);
				return closed(out.closed);
			}
			exchange.note(`${line} → ${blocked(ctx)}${formatReply(out)}`);
			return reply({ ok: out });
		} catch (e) {
			const message = e instanceof ReplyError ? oneLine(e.message) : 'ERR internal error in the simulated Redis';
			exchange.note(`${line} → ${formatError(message)}`);
			return reply({ error: message });
		}
	}

	const blocked = (ctx: CommandContext) => (ctx.blockedMs === null ? '' : `(blocked ${Math.round(ctx.blockedMs)} ms) `);

	function run(name: string, args: string[], ctx: CommandContext, url: string): RedisReply | Closed | Promise<RedisReply | Closed> {
		const spec = COMMANDS.get(name);
		if (!spec) throw new ReplyError(unknownCommand(name, args));
		const words = args.length + 1;
		if (spec.arity > 0 ? words !== spec.arity : words < -spec.arity) throw new ReplyError(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
		if (ctx.conn && !PUBSUB_ALLOWED.has(name) && pubsub.isSubscribed(ctx.conn.addr)) {
			throw new ReplyError(`ERR Can't execute '${name.toLowerCase()}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
		}
		if (!dbOf(url)) throw new ReplyError('ERR DB index is out of range');
		return spec.run(args, ctx);
	}

	const close = network.listen(REDIS_HOST, REDIS_PORT, handle);

	return {
		keyspace,
		stop() {
			if (stopped) return;
			stopped = true;
			// nothing may hang: blocked clients are answered (the connection closes), timers cleared
			blocking.closeAll('server shutting down');
			pubsub.stop();
			close();
		}
	};
}

/** Redis for every run: host `redis`, port 6379, an empty keyspace each time. */
export const redisHostKind: WorldHostKind = {
	hosts: [REDIS_HOST],
	start: (network, ctx) => startRedis(network, ctx)
};
