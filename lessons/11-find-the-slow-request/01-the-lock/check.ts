import { atOnce, consoleMatches, countLogged, databaseQueries, databaseRanTogether, databaseSideBySide, defineCheck, noErrors, spanCount, text, type CheckText, type RunOutput } from '$lib/checks';

const SQL = { service: 'customer', operation: 'SQL SELECT' };
const REQUESTS = 50;

/**
 * At least this many queries must have run in MySQL at once (MySQL's own count, in each answer). The
 * lock, wherever it hides, and a pool of one show 1 however loaded the machine is; the fix shows 10
 * (fifty requests arrive together). Times could not tell them apart on a loaded machine: the p95 over
 * the fastest gave 8× to 30× for a pool of one, and 37× for a correct fix.
 */
const SIDE_BY_SIDE = 5;

function sideBySide(run: RunOutput, hint: CheckText) {
	return databaseSideBySide(run, 'mysql', SIDE_BY_SIDE, 1, hint);
}

/** Why the queries still run one at a time, as far as the trace and the wire can tell. */
function queueHint(run: RunOutput): CheckText {
	const waitingForLock = countLogged(run, SQL, 'Waiting for lock');
	if (waitingForLock > 0) {
		return text(
			`${waitingForLock} SQL SELECT spans logged "Waiting for lock behind N transactions": the customer service's lock still lets one query in at a time. Take the lock out of selectCustomer — MySQL serves concurrent reads, and the pool has connections for them.`,
			`有 ${waitingForLock} 个 SQL SELECT span 记下了 "Waiting for lock behind N transactions"：customer 服务的锁仍然一次只放一个查询进去。把锁从 selectCustomer 里拿掉——MySQL 能同时处理多个读请求，连接池也有足够的连接。`
		);
	}
	if (!sideBySide(run, '').ok) {
		const waited = databaseQueries(run, 'mysql').filter((q) => q.waitedMs >= 1).length;
		return text(
			`${waited} queries waited for a connection (the Network panel's SQL lines end with "waited … for a connection"): the pool is too small for fifty requests at once — a pool of one is the lock again under another name. Give it the ten connections it had.`,
			`有 ${waited} 个查询在等连接（Network 面板里 SQL 那几行的末尾写着 "waited … for a connection"）：连接池对同时到来的五十个请求来说太小了——只有一个连接的池子，不过是换了个名字的那把锁。把它原来的十个连接还给它。`
		);
	}
	return text(
		'The queries still run one at a time, though no span logs a lock: something around them — a lock taken earlier in the handler, a queue — lets one request through at a time. Find it in customer.ts and take it out.',
		'这些查询仍然一次只跑一个，但没有 span 记下锁的日志：它们外面的某样东西——在 handler 更早的地方拿的锁、一个队列——一次只放一个请求通过。在 customer.ts 里找到它并拿掉。'
	);
}

export default defineCheck((run) => {
	const hint = queueHint(run);
	return [
		consoleMatches(
			run,
			'load',
			new RegExp(`^${REQUESTS} of ${REQUESTS} dispatches answered`),
			text(`load prints "${REQUESTS} of ${REQUESTS} dispatches answered"`, `load 打印出 "${REQUESTS} of ${REQUESTS} dispatches answered"`),
			text('Some dispatches failed: load prints the first failure. Every request should still get its answer.', '有些派单失败了：load 打印出了第一个失败。每个请求都应该得到应答。')
		),
		spanCount(run, SQL, REQUESTS, text('One SQL SELECT span per dispatch: keep the span around the query.', '每次派单一个 SQL SELECT span：保留查询外面的 span。')),
		atOnce(run, SQL, 10, hint, 'Acquired lock'),
		databaseRanTogether(run, 'mysql', SIDE_BY_SIDE, hint),
		noErrors(run, text('A service stopped with an error: the Console says where. Every service should keep serving.', '有服务因错误而停下了：控制台里写着出错的位置。每个服务都应该一直正常提供服务。'))
	];
});
