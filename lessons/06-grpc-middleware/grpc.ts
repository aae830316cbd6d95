// What the chapter's gRPC checks share: the spans of the customer service's calls, and a reading of
// the wire that says which end of a call lost the trace context.
import { carried, text, type CheckText, type Localized, type RunOutput, type SpanSelector } from '$lib/checks';

/** `frontend's "/customer.Customers/Get" span`, in both languages. */
export const describeSpanText = (service: string, operation: string): Localized =>
	text(`${service}'s "${operation}" span`, `${service} 的 "${operation}" span`);

export const GET = '/customer.Customers/Get';
export const LIST = '/customer.Customers/List';
export const clientSpan = (operation: string): SpanSelector => ({ service: 'frontend', operation });
export const serverSpan = (operation: string): SpanSelector => ({ service: 'customer', operation });

/**
 * Why the customer's server span is not under the frontend's client span, read off the wire first:
 * no context in the call's metadata, another span's context, or the right one (then the server).
 */
export function metadataHint(run: RunOutput, client: SpanSelector, serverWords: CheckText): CheckText {
	const c = carried(run, 'customer', client);
	if (c.kind === 'none')
		return text(
			'The call to customer went out with no uber-trace-id in its metadata (open the Network panel, filter by gRPC, and look at the request headers). inject() writes properties onto whatever object it is given, and a Metadata sends only what went in through metadata.set(key, value): inject into a plain object, copy each key into the Metadata, and pass that Metadata to the call.',
			'发往 customer 的调用发出时，metadata 里没有 uber-trace-id（打开 Network 面板，按 gRPC 过滤，看请求头）。inject() 会把属性写到你交给它的任何对象上，而 Metadata 只发送通过 metadata.set(key, value) 放进去的内容：先注入到一个普通对象里，再把每个键复制进 Metadata，并把这个 Metadata 传给这次调用。'
		);
	if (c.kind === 'other') {
		const who = c.span ? describeSpanText(c.span.service, c.span.span.operationName) : text(`another span (${c.spanId})`, `另一个 span（${c.spanId}）`);
		return text(
			`The call's metadata carries the context of ${who.en}, not of the client span that made the call: inject span.context() of the span you started for the call.`,
			`这次调用的 metadata 带的是 ${who['zh-CN']} 的 context，而不是发起调用的客户端 span 的：注入你为这次调用启动的那个 span 的 span.context()。`
		);
	}
	return serverWords;
}
