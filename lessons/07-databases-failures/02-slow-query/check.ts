import {
	allOverlap,
	defineCheck,
	findSpans,
	joinText,
	lastsUnder,
	noErrors,
	printed,
	requestsTo,
	spanCount,
	spanReported,
	text,
	type CheckItem,
	type RunOutput
} from '$lib/checks';

const PAGE = { service: 'shop', operation: 'home-page' };
const QUERY = { service: 'shop', operation: 'SQL SELECT' };
/** Each report holds its connection this long (SELECT SLEEP(0.3)). */
const REPORT_MS = 300;
/** All three at once take about one report; one after another, three. The bound sits between. */
const FACTOR = 1.6;

/** The pools the shop's queries came from, read off the wire (each request names its pool). */
function poolsUsed(run: RunOutput): Set<string> {
	const pools = new Set<string>();
	for (const r of requestsTo(run, 'mysql')) {
		try {
			const pool = (JSON.parse(r.requestBody) as { pool?: unknown }).pool;
			if (typeof pool === 'string') pools.add(pool);
		} catch {
			// not a query this check can read
		}
	}
	return pools;
}

/** The longest any query waited for a connection, as the database reported it on the wire. */
function longestWait(run: RunOutput): number {
	let most = 0;
	for (const r of requestsTo(run, 'mysql')) {
		try {
			const waited = (JSON.parse(r.responseBody) as { waitedMs?: unknown }).waitedMs;
			if (typeof waited === 'number' && waited > most) most = waited;
		} catch {
			// not an answer this check can read
		}
	}
	return most;
}

function queriesLastTheirReport(run: RunOutput): CheckItem {
	const spans = findSpans(run, QUERY);
	const ok = spans.length > 0 && spans.every((f) => f.span.duration >= REPORT_MS * 0.8 * 1000);
	const label = text(`every SQL SELECT span lasts at least the ${REPORT_MS} ms its query takes`, `每个 SQL SELECT span 至少持续其查询所需的 ${REPORT_MS} ms`);
	if (ok) return { label, ok };
	return {
		label,
		ok,
		hint: text(
			'A SQL SELECT span ends before its query has answered, so the trace cannot show where the time goes. Await pool.query(...) inside the span and finish it afterwards, in finally.',
			'有 SQL SELECT span 在查询返回之前就结束了，trace 因而看不出时间花在了哪里。在 span 里 await pool.query(...)，之后再在 finally 里结束它。'
		),
		...(spans.length === 0 ? { missing: 'shop "SQL SELECT"' } : {})
	};
}

export default defineCheck((run) => {
	const pools = poolsUsed(run);
	const together = allOverlap(
		run,
		QUERY,
		text(
			'The three queries run one after another: each shelf waits for the one before, though none needs another\'s result. Start them together — Promise.all([shelf(span, …), …]) — and await them all.',
			'这三个查询是一个接一个运行的：每个书架都在等前一个，可谁都不需要别人的结果。让它们一起开始——Promise.all([shelf(span, …), …])——再一起 await。'
		)
	);
	const waited = longestWait(run);
	const waitLabel = text('no query waits in line for a connection (the Network panel)', '没有查询在排队等连接（见 Network 面板）');
	const refused = requestsTo(run, 'mysql').some((r) => r.responseBody.includes('No connections available'));
	const queue = refused
		? text(
				'Some queries were refused with "No connections available.": with waitForConnections: false, a query that finds every connection busy fails instead of waiting. Keep waiting on, and give the pool enough connections for the queries a page runs at once.',
				'有些查询被拒绝了，报 "No connections available."：设了 waitForConnections: false，查询发现所有连接都忙时就直接失败，而不是等待。保持等待，并给连接池足够的连接，容得下一个页面同时发出的查询。'
			)
		: text(
				"The queries start together now but still end one after another — a staircase: they wait in line for the pool's connections (the Network panel says how long each waited). A pool with connectionLimit: 1 runs one query at a time. Give it at least as many connections as the page runs queries at once.",
				'现在这些查询一起开始了，却仍然一个接一个地结束——像一段楼梯：它们在排队等连接池的连接（Network 面板里写着每个查询等了多久）。connectionLimit: 1 的连接池一次只跑一个查询。给它的连接数至少要等于页面同时发出的查询数。'
			);
	const onePool: CheckItem = {
		label: text('all queries go through one pool', '所有查询都经过同一个连接池'),
		ok: pools.size === 1
	};
	return [
		printed(
			run,
			'shop',
			'home page: bestsellers, new-arrivals, staff-picks',
			text('The shop should print its three shelves, in order: "home page: bestsellers, new-arrivals, staff-picks".', 'shop 应该按顺序打印它的三个书架："home page: bestsellers, new-arrivals, staff-picks"。')
		),
		spanReported(run, PAGE, text('Keep the home-page span, and finish it.', '保留 home-page span，并结束它。')),
		spanCount(run, QUERY, 3, text('One SQL SELECT span per shelf: three in all.', '每个书架一个 SQL SELECT span：一共三个。')),
		queriesLastTheirReport(run),
		together,
		lastsUnder(
			run,
			PAGE,
			QUERY,
			FACTOR,
			together.ok
				? queue
				: text(
						'The page lasts as long as its queries laid end to end: they run one after another (see above). Start them together.',
						'页面的时长等于它的查询首尾相接的总和：它们是一个接一个运行的（见上一项）。让它们一起开始。'
					)
		),
		waited < REPORT_MS / 2
			? { label: waitLabel, ok: true }
			: { label: waitLabel, ok: false, hint: joinText(text(`One query waited ${Math.round(waited)} ms for a connection.`, `有个查询等连接等了 ${Math.round(waited)} ms。`), queue) },
		pools.size === 1
			? onePool
			: {
					...onePool,
					hint:
						pools.size === 0
							? text('No query reached the database: keep the three shelves\' queries.', '没有查询到达数据库：保留三个书架的查询。')
							: text(
									`The queries came from ${pools.size} different pools: a pool made per query (or a connection per query) opens a new connection every time and caps nothing. Create one pool when the service starts and size it with connectionLimit.`,
									`这些查询来自 ${pools.size} 个不同的连接池：每个查询新建一个连接池（或一个连接），每次都要新开连接，也什么都限制不住。在服务启动时创建一个连接池，用 connectionLimit 定好它的大小。`
								)
				},
		noErrors(run, text('Every query should succeed: nothing should escape the service.', '每个查询都应该成功：不应有任何东西逃出服务之外。'))
	];
});
