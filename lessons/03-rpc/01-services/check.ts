import { defineCheck, printed, spanReported, requestSent } from '$lib/checks';

export default defineCheck((run) => {
	const name = run.args[0] ?? 'Bryan';
	const greeting = `Hello, ${name}!`;
	return [
		requestSent(
			run,
			'formatter',
			new RegExp(`^http://formatter:8081/format\\?helloTo=${encodeURIComponent(name)}$`),
			`formatString should call the formatter: await fetch(\`http://formatter:8081/format?helloTo=\${encodeURIComponent(helloTo)}\`) and read the answer with res.text().`
		),
		requestSent(run, 'publisher', /^http:\/\/publisher:8082\/publish\?helloStr=/, 'printHello should call the publisher: fetch http://publisher:8082/publish?helloStr=… with the encoded greeting.'),
		printed(run, 'publisher', greeting, `The publisher should print "${greeting}": send it the greeting the formatter returned, encoded with encodeURIComponent.`),
		spanReported(run, { service: 'formatter', operation: 'format' }, 'The formatter reports a "format" span for each request: did the request reach it?'),
		spanReported(run, { service: 'hello-world', operation: 'formatString' }, 'Keep the formatString span around the call to the formatter.'),
		spanReported(run, { service: 'hello-world', operation: 'printHello' }, 'Keep the printHello span around the call to the publisher.')
	];
});
