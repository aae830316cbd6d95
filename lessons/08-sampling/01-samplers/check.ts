import { defineCheck, text, type CheckItem, type Localized, type RunOutput } from '$lib/checks';
import { failedHint, rootsOf, samplerOf } from '../counts';

/** The sampler the service's root spans name, compared with the one the step asks for. */
function samplerIs(run: RunOutput, service: string, type: string, param: number, how: Localized): CheckItem {
	const roots = rootsOf(run, service, 'checkout');
	const found = samplerOf(roots[0]);
	const ok = roots.length > 0 && roots.every((f) => samplerOf(f)?.type === type && Number(samplerOf(f)?.param) === param);
	const label = text(`${service}'s traces were sampled by ${type} ${param}`, `${service} 的 trace 由 ${type} ${param} 采样`);
	if (ok) return { label, ok };
	const hint =
		failedHint(run, service) ??
		(found
			? text(
					`${service}'s root spans say sampler.type=${found.type}, sampler.param=${String(found.param)} (open one in Traces, Tags). ${how.en}`,
					`${service} 的根 span 上写着 sampler.type=${found.type}、sampler.param=${String(found.param)}（在 Traces 里打开一个，看 Tags）。${how['zh-CN']}`
				)
			: text(`No trace from ${service} at all: ${how.en}`, `${service} 一条 trace 都没有：${how['zh-CN']}`));
	return { label, ok, hint };
}

export default defineCheck((run) => {
	const count = (s: string) => rootsOf(run, s, 'checkout').length;
	const all = count('shop-const');
	const prob = count('shop-probabilistic');
	const rate = count('shop-ratelimiting');
	const probHow = text(
		"Give shop-probabilistic sampler: { type: 'probabilistic', param: 0.1 } — param is a probability from 0 to 1, so 10 % is 0.1.",
		"给 shop-probabilistic 配上 sampler: { type: 'probabilistic', param: 0.1 }——param 是 0 到 1 之间的概率，所以 10 % 写作 0.1。"
	);
	const rateHow = text(
		"Give shop-ratelimiting sampler: { type: 'ratelimiting', param: 2 } — jaeger-client's name is all lower case, and param counts traces per second.",
		"给 shop-ratelimiting 配上 sampler: { type: 'ratelimiting', param: 2 }——jaeger-client 里这个名字全是小写，param 是每秒的 trace 数。"
	);
	return [
		{
			label: text(`shop-const: every checkout traced (${all} of 100)`, `shop-const：每次 checkout 都被追踪（100 个中的 ${all} 个）`),
			ok: all === 100,
			...(all === 100
				? {}
				: {
						hint:
							failedHint(run, 'shop-const') ??
							text(
								"shop-const should keep its sampler: { type: 'const', param: 1 } — const 1 samples every trace, const 0 none.",
								"shop-const 应该保留 sampler: { type: 'const', param: 1 }——const 1 对每条 trace 都采样，const 0 一条也不采。"
							)
					})
		},
		samplerIs(run, 'shop-probabilistic', 'probabilistic', 0.1, probHow),
		{
			label: text(`shop-probabilistic: about one checkout in ten traced (${prob} of 100)`, `shop-probabilistic：大约十次 checkout 追踪一次（100 个中的 ${prob} 个）`),
			ok: prob >= 1 && prob <= 30,
			...(prob >= 1 && prob <= 30
				? {}
				: {
						hint:
							failedHint(run, 'shop-probabilistic') ??
							(prob > 30
								? text(`${prob} of 100 is far more than 10 %: ${probHow.en}`, `100 个中有 ${prob} 个，远超 10 %：${probHow['zh-CN']}`)
								: text(`Nothing sampled: ${probHow.en}`, `一个都没有被采样：${probHow['zh-CN']}`))
					})
		},
		samplerIs(run, 'shop-ratelimiting', 'ratelimiting', 2, rateHow),
		{
			label: text(`shop-ratelimiting: two checkouts traced in the one-second burst (${rate} of 100)`, `shop-ratelimiting：在这一秒的突发里追踪了两次 checkout（100 个中的 ${rate} 个）`),
			ok: rate >= 2 && rate <= 3,
			...(rate >= 2 && rate <= 3
				? {}
				: {
						hint:
							failedHint(run, 'shop-ratelimiting') ??
							(rate > 3
								? text(`${rate} traces in well under a second is not 2 per second: ${rateHow.en}`, `不到一秒就有 ${rate} 条 trace，这不是每秒 2 条：${rateHow['zh-CN']}`)
								: text(`${rate} traces: a rate limiter at 2 per second lets the first 2 of a burst through. ${rateHow.en}`, `${rate} 条 trace：每秒 2 条的限速器会放行一次突发中的前 2 条。${rateHow['zh-CN']}`))
					})
		}
	];
});
