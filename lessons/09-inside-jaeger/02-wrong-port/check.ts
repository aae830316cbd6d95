import { childOf, defineCheck, findSpans, text, type CheckText, type RunOutput } from '$lib/checks';
import { item, lostReports, refusedBatch } from '../wire';

const SERVER = { service: 'timeserver', operation: 'GET /gettime' };
const CLIENT = { service: 'client', operation: 'client' };

/** Why timeserver's spans never reached Jaeger, read from where its reports went. */
function whereTheyWent(run: RunOutput): CheckText {
	const lost = lostReports(run, 'timeserver')[0];
	const refused = refusedBatch(run, 'timeserver');
	if (!lost && refused)
		return text(
			`timeserver's console says the collector answered ${refused.status} at ${refused.url}: the collector takes span batches at http://jaeger-collector:14268/api/traces.`,
			`timeserver 的 Console 显示 collector 在 ${refused.url} 返回了 ${refused.status}：collector 接收 span 批次的地址是 http://jaeger-collector:14268/api/traces。`
		);
	if (!lost)
		return text(
			"timeserver sent no span report anywhere Jaeger listens: give its tracer a reporter — agentHost 'jaeger-agent' with agentPort 6831 or 6832, or collectorEndpoint 'http://jaeger-collector:14268/api/traces'.",
			"timeserver 没有把 span 报告发到任何 Jaeger 监听的地方：给它的 tracer 配上 reporter——agentHost 'jaeger-agent' 加 agentPort 6831 或 6832，或者 collectorEndpoint 'http://jaeger-collector:14268/api/traces'。"
		);
	if (lost.why === 'ENOTFOUND')
		return text(
			`timeserver's span packets went to ${lost.to}, a host that does not exist (${lost.why}): the agent's host is jaeger-agent.`,
			`timeserver 的 span 数据包发到了 ${lost.to}，这个主机不存在（${lost.why}）：agent 的主机名是 jaeger-agent。`
		);
	if (lost.why.startsWith('status'))
		return text(
			`timeserver posted its spans to ${lost.to}${lost.url} and got ${lost.why}: the collector takes span batches at http://jaeger-collector:14268/api/traces.`,
			`timeserver 把 span 发到了 ${lost.to}${lost.url}，得到的是 ${lost.why}：collector 接收 span 批次的地址是 http://jaeger-collector:14268/api/traces。`
		);
	if (lost.to.startsWith('jaeger-collector'))
		return text(
			`timeserver posted its spans to ${lost.to}, where nobody listens (${lost.why}): the collector takes jaeger-client's HTTP batches on port 14268, at http://jaeger-collector:14268/api/traces.`,
			`timeserver 把 span 发到了 ${lost.to}，那里没有人监听（${lost.why}）：collector 在 14268 端口接收 jaeger-client 的 HTTP 批次，地址是 http://jaeger-collector:14268/api/traces。`
		);
	return text(
		`timeserver's span packets went to ${lost.to}, where nobody listens (${lost.why} — a UDP sender never hears that, so the service ran happily). jaeger-agent listens on 6831 (compact) and 6832 (binary): fix agentPort.`,
		`timeserver 的 span 数据包发到了 ${lost.to}，那里没有人监听（${lost.why}——UDP 发送方永远收不到这个错误，所以服务照常运行）。jaeger-agent 监听的是 6831（compact）和 6832（binary）：改正 agentPort。`
	);
}

export default defineCheck((run) => {
	const lost = lostReports(run, 'timeserver');
	const arrived = findSpans(run, SERVER).length > 0;
	return [
		item(text('timeserver\'s "GET /gettime" span reached Jaeger', 'timeserver 的 "GET /gettime" span 到达了 Jaeger'), arrived, whereTheyWent(run)),
		item(
			text('no span report from timeserver went to a port nobody listens on', 'timeserver 没有把 span 报告发往无人监听的端口'),
			lost.length === 0,
			lost.length > 0
				? text(
						`${lost.length} span report(s) from timeserver went to ${lost[0].to} (${lost[0].why}). Open the Network panel, filter by timeserver: those are the posts that go nowhere.`,
						`timeserver 有 ${lost.length} 个 span 报告发到了 ${lost[0].to}（${lost[0].why}）。打开 Network 面板，按 timeserver 过滤：那些就是石沉大海的请求。`
					)
				: text('', '')
		),
		childOf(
			run,
			SERVER,
			CLIENT,
			text(
				'"GET /gettime" should continue the client\'s trace: extract the context from req.headers and start the server span childOf it.',
				'"GET /gettime" 应该延续 client 的 trace：从 req.headers 里 extract 出 context，再以它为 childOf 开始服务端 span。'
			)
		)
	];
});
