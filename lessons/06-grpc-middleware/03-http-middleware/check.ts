import { defineCheck, noErrors, printed, text, totalSpans, traceCount } from '$lib/checks';
import { callsUnderRequest, namedByRoute, notFoundIsNoError, requestTags } from '../http';

export default defineCheck((run) => [
	printed(run, 'browser', 'GET /customer/999 → 404', text('The browser should get 404 for customer 999: keep the routes as they are.', 'browser 请求客户 999 应该得到 404：保持路由原样。')),
	printed(run, 'browser', 'GET /customers → 200', text('The browser should get the list: keep the routes as they are.', 'browser 应该拿到客户列表：保持路由原样。')),
	namedByRoute(run, 'HTTP GET /customer/:id', 3),
	namedByRoute(run, 'HTTP GET /customers', 1),
	...requestTags(run),
	notFoundIsNoError(run),
	...callsUnderRequest(run),
	traceCount(run, 4, text('The browser is not traced, so each of its four requests starts one trace at the frontend.', 'browser 没有接入追踪，所以它的四个请求各自在 frontend 开启一条 trace。')),
	totalSpans(run, 12, text('Expected twelve spans: for each request, the frontend\'s request span, its gRPC client span and the customer service\'s span.', '应该有十二个 span：每个请求各有 frontend 的请求 span、它的 gRPC 客户端 span 和 customer 服务的 span。')),
	noErrors(run, text('A service stopped with an error: read the Console.', '有服务因出错而停止：看看控制台。'))
]);
