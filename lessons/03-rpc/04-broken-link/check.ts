import { defineCheck, requestCarriesSpan, text } from '$lib/checks';
import { oneTraceAcrossServices, PRINT_CLIENT } from '../shape';

export default defineCheck((run) => [
	requestCarriesSpan(
		run,
		'publisher',
		PRINT_CLIENT,
		text(
			"The request to the publisher has no uber-trace-id (compare the two requests in the Network panel). printHello injects into one object and sends another: pass the carrier you injected into as fetch's headers.",
			'发往 publisher 的请求没有 uber-trace-id（在网络面板里比较这两个请求）。printHello 注入的是一个对象，发出去的却是另一个：把你注入过的那个 carrier 作为 fetch 的 headers 传进去。'
		)
	),
	...oneTraceAcrossServices(run, `Hello, ${run.args[0] ?? 'Bryan'}!`)
]);
