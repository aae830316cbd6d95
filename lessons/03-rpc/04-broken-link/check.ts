import { defineCheck, requestCarriesSpan } from '$lib/checks';
import { oneTraceAcrossServices, PRINT_CLIENT } from '../shape';

export default defineCheck((run) => [
	requestCarriesSpan(
		run,
		'publisher',
		PRINT_CLIENT,
		"The request to the publisher has no uber-trace-id (compare the two requests in the Network panel). printHello injects into one object and sends another: pass the carrier you injected into as fetch's headers."
	),
	...oneTraceAcrossServices(run, `Hello, ${run.args[0] ?? 'Bryan'}!`)
]);
