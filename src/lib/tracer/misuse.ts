// What the tracer says when a finished span is used again. jaeger-client reports misuse through its
// logger (`operation=…,context=…#message`); ours does the same for every late call — a tag, a log or
// baggage set after finish() — once per span, since what such a call records is never reported.
// The lesson checks read these lines back (`parseAfterFinish`) to tell "you did it too late" from
// "you did not do it".

/** The calls on a finished span that the tracer warns about. */
export type LateCall = 'setTag' | 'addTags' | 'log' | 'setBaggageItem' | 'finish';

export function afterFinishMessage(operation: string, context: string, call: LateCall): string {
	const where = `operation=${operation},context=${context}#`;
	if (call === 'finish') return `${where}You can only call finish() on a span once.`;
	return `${where}${call}() after finish(): the span "${operation}" was already reported, so what this call records is lost. Tag, log and set baggage before finish().`;
}

const LINE = /^operation=(.*),context=[^#]*#(?:(setTag|addTags|log|setBaggageItem)\(\) after finish\(\)|You can only call (finish)\(\) on a span once)/;

/** The span and call a line of the Console warns about, or null for any other line. */
export function parseAfterFinish(line: string): { operation: string; call: LateCall } | null {
	const m = LINE.exec(line);
	return m ? { operation: m[1], call: (m[2] ?? m[3]) as LateCall } : null;
}
