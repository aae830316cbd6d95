import { defineCheck, requestCarriesSpan, text } from '$lib/checks';
import { oneTraceAcrossServices, PRINT_CLIENT } from '../shape';

export default defineCheck((run) => [
	requestCarriesSpan(
		run,
		'publisher',
		PRINT_CLIENT,
		{
			none: text(
				"Compare the two requests in the Network panel: printHello injects into one object and sends another — pass the carrier you injected into as fetch's headers.",
				'在网络面板里比较这两个请求：printHello 注入的是一个对象，发出去的却是另一个——把你注入过的那个 carrier 作为 fetch 的 headers 传进去。'
			),
			other: text(
				"With that context the publisher's span hangs under the wrong parent: printHello's span made the call.",
				'带着那个 context，publisher 的 span 就挂在了错误的父 span 下面：这次调用是 printHello 的 span 发起的。'
			),
			fallback: text('No request reached the publisher: keep printHello calling it.', '没有请求到达 publisher：让 printHello 继续调用它。')
		}
	),
	...oneTraceAcrossServices(run, `Hello, ${run.args[0] ?? 'Bryan'}!`)
]);
