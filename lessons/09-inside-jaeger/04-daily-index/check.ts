import { defineCheck, findSpan, spanReported, text, type Localized, type RunOutput } from '$lib/checks';
import { item } from '../wire';

const REPORT = { service: 'reports', operation: 'nightly-report' };

/** The index the program said it found the span in: its `found in <index>` line. */
function printedIndex(run: RunOutput): string | null {
	for (const l of run.console) {
		const m = l.service === 'reports' ? /^found in (\S+)/.exec(l.text) : null;
		if (m) return m[1];
	}
	return null;
}

/** Why the program printed no index or the wrong one, from its console and errors. */
function whyNot(run: RunOutput, printed: string | null, want: string, localDay: string): Localized {
	const said = [...run.console.filter((l) => l.service === 'reports').map((l) => l.text), ...run.errors].join('\n');
	if (/ENOTFOUND|elasticsearch/i.test(said) && printed === null)
		return text(
			'The program could not reach elasticsearch:9200: the store is in memory. Set storage.type: elasticsearch in jaeger.yml — then Elasticsearch appears on the network, as it does when Jaeger is started with SPAN_STORAGE_TYPE=elasticsearch.',
			'程序连不上 elasticsearch:9200：存储还在内存里。在 jaeger.yml 里设置 storage.type: elasticsearch——这样 Elasticsearch 才会出现在网络上，就像用 SPAN_STORAGE_TYPE=elasticsearch 启动 Jaeger 时一样。'
		);
	if (printed === `jaeger-span-${localDay}` || said.includes(`no such index [jaeger-span-${localDay}]`))
		return text(
			`The span is not in jaeger-span-${localDay}: that is the day in Shanghai. Jaeger names the daily index after the span's start time in UTC, and 00:30 at UTC+8 is still the day before in UTC. Search jaeger-span-* and print the hit's _index, or compute the UTC date.`,
			`这个 span 不在 jaeger-span-${localDay} 里：那是上海的日期。Jaeger 按 span 开始时间的 UTC 日期给每日索引命名，而 UTC+8 的 00:30 在 UTC 里还是前一天。去搜 jaeger-span-*，打印命中结果的 _index，或者算出 UTC 日期。`
		);
	if (printed?.includes('jaeger-service-'))
		return text(
			`${printed} holds (service, operation) pairs for the UI's menus, not spans: the span documents are in jaeger-span-… indices.`,
			`${printed} 存的是给 UI 下拉菜单用的（服务，操作）对，不是 span：span 文档在 jaeger-span-… 索引里。`
		);
	if ((printed !== null && !printed.includes('jaeger')) || /no such index/.test(said))
		return text(
			`The search found nothing (${printed !== null ? `the program printed "found in ${printed}…"` : 'no such index'}). Was the span written yet? Finish it and await tracer.close() before you search: until the reporter flushes, the span is only in the tracer's memory.`,
			`搜索什么也没找到（${printed !== null ? `程序打印的是 "found in ${printed}…"` : '没有这个索引'}）。这个 span 写进去了吗？先 finish 它并 await tracer.close()，再去搜：在 reporter 刷出之前，span 只在 tracer 的内存里。`
		);
	if (printed !== null)
		return text(`The span is in ${want}, not in ${printed}.`, `这个 span 在 ${want} 里，不在 ${printed} 里。`);
	return text(
		`Print the index the span was found in as a line "found in <index>": the _index of the _search hit (here ${want}).`,
		`把找到这个 span 的索引打印成一行 "found in <索引名>"：也就是 _search 命中结果的 _index（这里是 ${want}）。`
	);
}

export default defineCheck((run) => {
	const span = findSpan(run, REPORT);
	const start = span ? span.span.startTime / 1000 : Date.parse('2026-06-19T00:30:00+08:00');
	const want = `jaeger-span-${new Date(start).toISOString().slice(0, 10)}`;
	const localDay = new Date(start + 8 * 3_600_000).toISOString().slice(0, 10);
	const printed = printedIndex(run);
	return [
		spanReported(
			run,
			REPORT,
			text(
				'The "nightly-report" span must reach Jaeger before the program searches for it: finish it and await tracer.close() first.',
				'程序去搜之前，"nightly-report" span 必须已经到达 Jaeger：先 finish 它，再 await tracer.close()。'
			)
		),
		item(
			text(`the program found the span in ${want}, its start's UTC day`, `程序在 ${want}（它开始时间的 UTC 日期）里找到了这个 span`),
			printed !== null && printed.endsWith(want),
			whyNot(run, printed, want, localDay)
		)
	];
});
