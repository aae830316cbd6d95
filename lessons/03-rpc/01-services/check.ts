import { defineCheck, printed, spanReported, requestSent, text } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	return [
		requestSent(
			run,
			'formatter',
			new RegExp(`^http://formatter:8081/format\\?helloTo=${encodeURIComponent(name)}$`),
			text(
				`formatString should call the formatter: await fetch(\`http://formatter:8081/format?helloTo=\${encodeURIComponent(helloTo)}\`) and read the answer with res.text().`,
				`formatString 应该调用 formatter：await fetch(\`http://formatter:8081/format?helloTo=\${encodeURIComponent(helloTo)}\`)，再用 res.text() 读出响应。`
			)
		),
		requestSent(
			run,
			'publisher',
			/^http:\/\/publisher:8082\/publish\?helloStr=/,
			text(
				'printHello should call the publisher: fetch http://publisher:8082/publish?helloStr=… with the encoded greeting.',
				'printHello 应该调用 publisher：带上编码后的问候语，fetch http://publisher:8082/publish?helloStr=…。'
			)
		),
		printed(
			run,
			'publisher',
			greeting,
			text(
				`The publisher should print "${greeting}": send it the greeting the formatter returned, encoded with encodeURIComponent.`,
				`publisher 应该打印 "${greeting}"：把 formatter 返回的问候语用 encodeURIComponent 编码后发给它。`
			)
		),
		spanReported(
			run,
			{ service: 'formatter', operation: 'format' },
			text('The formatter reports a "format" span for each request: did the request reach it?', 'formatter 会为每个请求上报一个 "format" span：请求到达它了吗？')
		),
		spanReported(
			run,
			{ service: 'hello-world', operation: 'formatString' },
			text('Keep the formatString span around the call to the formatter.', '保留包住 formatter 调用的 formatString span。')
		),
		spanReported(
			run,
			{ service: 'hello-world', operation: 'printHello' },
			text('Keep the printHello span around the call to the publisher.', '保留包住 publisher 调用的 printHello span。')
		)
	];
});
