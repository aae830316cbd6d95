import { defineCheck, text, type CheckItem, type CheckText, type RunOutput } from '$lib/checks';
import { failedHint, rootsOf, samplerOf } from '../counts';

const collector = (run: RunOutput) => run.console.filter((l) => l.service === 'jaeger-collector').map((l) => l.text);

/** Why an operation was sampled at a rate other than its own, read from its roots' sampler tags and the agent's warnings. */
function whyHint(run: RunOutput, operation: string, want: string): CheckText {
	const found = samplerOf(rootsOf(run, 'frontend', operation)[0]);
	const warned = collector(run).find((l) => l.startsWith('warning:') && l.includes(`"${operation}"`));
	if (warned)
		return text(
			`The agent skipped your entry for ${operation}: ${warned.replace(/^warning: /, '')}. Per operation, only "probabilistic" exists — ${want}.`,
			`agent 跳过了你为 ${operation} 写的条目：${warned.replace(/^warning: /, '')}。按操作配置时只有 "probabilistic" 一种——${want}。`
		);
	if (found?.type === 'lowerbound')
		return text(
			`${operation}'s roots say sampler.type=lowerbound: default_lower_bound_traces_per_second guarantees every operation that many traces a second, ${operation} included. Leave it out (or 0) here.`,
			`${operation} 的根 span 上写着 sampler.type=lowerbound：default_lower_bound_traces_per_second 会保证每个操作每秒至少这么多条 trace，${operation} 也不例外。这里不要写它（或者写 0）。`
		);
	if (found && Number(found.param) === 1)
		return text(
			`${operation}'s roots say sampler.param=1: frontend got the default strategy, so no entry of yours applied. Does "service" say exactly "frontend"? ${want}.`,
			`${operation} 的根 span 上写着 sampler.param=1：frontend 拿到的是默认策略，你写的条目一个都没生效。"service" 写的是不是正好是 "frontend"？${want}。`
		);
	return text(
		`${operation}'s roots say sampler.param=${String(found?.param)}: it got frontend's own default, so no operation strategy matched. "operation" must be the span's name exactly, method and path: "${operation}". ${want}.`,
		`${operation} 的根 span 上写着 sampler.param=${String(found?.param)}：它用的是 frontend 自己的默认值，说明没有任何操作策略匹配上。"operation" 必须和 span 的名字一字不差，方法加路径："${operation}"。${want}。`
	);
}

function counted(label: CheckText, ok: boolean, hint: () => CheckText): CheckItem {
	return ok ? { label, ok } : { label, ok, hint: hint() };
}

export default defineCheck((run) => {
	const lines = collector(run);
	const refused = lines.find((l) => l.startsWith('sampling.json refused'));
	const loaded = lines.some((l) => l.startsWith('sampling.json loaded'));
	const health = rootsOf(run, 'frontend', 'GET /health').length;
	const checkout = rootsOf(run, 'frontend', 'POST /checkout');
	const search = rootsOf(run, 'frontend', 'GET /search');
	const searchRate = search.every((f) => Number(samplerOf(f)?.param) === 0.1);
	return [
		counted(text('the agent loaded sampling.json', 'agent 加载了 sampling.json'), loaded, () =>
			refused
				? text(
						`The agent refused sampling.json and kept the strategies it had: ${lines.slice(1).filter((l) => l.startsWith('  ')).map((l) => l.trim()).join(' · ')}`,
						`agent 拒绝了 sampling.json，继续使用原来的策略：${lines.slice(1).filter((l) => l.startsWith('  ')).map((l) => l.trim()).join(' · ')}`
					)
				: text('Keep a sampling.json among the files: the agent serves what it says.', '在文件里保留 sampling.json：agent 下发的就是它的内容。')
		),
		counted(text(`no GET /health trace (${health} of 60)`, `没有 GET /health 的 trace（60 个中的 ${health} 个）`), health === 0, () =>
			failedHint(run, 'frontend') ?? whyHint(run, 'GET /health', 'give "GET /health" param 0')
		),
		counted(text(`every POST /checkout traced (${checkout.length} of 20)`, `每个 POST /checkout 都被追踪（20 个中的 ${checkout.length} 个）`), checkout.length === 20, () =>
			failedHint(run, 'frontend') ?? whyHint(run, 'POST /checkout', 'give "POST /checkout" param 1')
		),
		counted(
			text(`GET /search sampled by frontend's 10 % (${search.length} of 20)`, `GET /search 按 frontend 的 10 % 采样（20 个中的 ${search.length} 个）`),
			search.length <= 8 && searchRate,
			() =>
				text(
					`GET /search has no strategy of its own, so it gets frontend's "param" — make that 0.1 (the search roots say sampler.param=${String(samplerOf(search[0])?.param)}).`,
					`GET /search 没有自己的策略，所以用的是 frontend 的 "param"——把它设为 0.1（search 的根 span 上写着 sampler.param=${String(samplerOf(search[0])?.param)}）。`
				)
		)
	];
});
