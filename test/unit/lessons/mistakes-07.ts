// Chapter 7 — databases and failures: typical mistakes, each failing with the hint that names it,
// and correct programs written differently, which pass.
import type { Variant } from './mistakes';

export const variants07: Variant[] = [];
const add = (v: Variant) => variants07.push(v);

// ── retry ──────────────────────────────────────────────────────────────────────
const RETRY = 'databases-failures/retry';

// 1. The start as given: the retry starts under the failed attempt.
add({ step: RETRY, name: 'the retry nested in the failed attempt', edits: {}, fromStart: true, hint: 'hangs inside the first' });

// 2. Siblings now, but the retry still runs inside the failed attempt's try, so its span stays open.
add({
	step: RETRY,
	name: 'the retry under quote, but from inside the failed attempt: its span stays open',
	fromStart: true,
	edits: { 'shop.ts': [['return await getPrice(span, book, attemptsLeft - 1);', 'return await getPrice(parent, book, attemptsLeft - 1);']] },
	hint: 'still open while the retry runs'
});

// 3. One span around the whole retry loop.
add({
	step: RETRY,
	name: 'one span around every attempt',
	edits: {
		'shop.ts': [
			[
				/async function getPrice\(parent: Span, book: string, attempt: number\): Promise<string> \{\n  const url = (.*);\n  const span = tracer\.startSpan\('get-price', \{\n    childOf: parent,\n    tags: (.*),\n  \}\);\n/,
				"async function getPrice(span: Span, book: string, attempt: number): Promise<string> {\n  const url = $1;\n  span.setTag('attempt', attempt);\n"
			],
			['  } finally {\n    span.finish();\n  }\n}\n\n// The retry', '  }\n}\n\n// The retry'],
			[
				'async function getPriceWithRetry(parent: Span, book: string, attempts = 3): Promise<string> {\n',
				"async function getPriceWithRetry(parent: Span, book: string, attempts = 3): Promise<string> {\n  const span = tracer.startSpan('get-price', { childOf: parent, tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT } });\n  try {\n"
			],
			['return await getPrice(parent, book, attempt);', 'return await getPrice(span, book, attempt);'],
			['      await sleep(50);\n    }\n  }\n}', '      await sleep(50);\n    }\n  }\n  } finally {\n    span.finish();\n  }\n}']
		]
	},
	hint: 'Only one get-price span arrived'
});

// 4. The failed attempt not marked.
add({
	step: RETRY,
	name: 'the failed attempt not tagged error',
	edits: { 'shop.ts': [['    span.setTag(Tags.ERROR, true);\n', '']] },
	hint: 'its span does not say so'
});

// 5. The error tag on the parent, where the retry is decided.
add({
	step: RETRY,
	name: 'the error tag on quote instead of the attempt',
	edits: {
		'shop.ts': [
			['    span.setTag(Tags.ERROR, true);\n', ''],
			["      parent.log({ event: 'retry'", "      parent.setTag(Tags.ERROR, true);\n      parent.log({ event: 'retry'"]
		]
	},
	hint: 'The error tag is on quote'
});

// 6. Attempts started without a parent: each a trace of its own.
add({
	step: RETRY,
	name: 'attempts started without childOf',
	edits: { 'shop.ts': [['    childOf: parent,\n', '']] },
	hint: 'should be a child of the quote span'
});

// 7. The failed attempt tagged, but nothing logged.
add({
	step: RETRY,
	name: 'the failed attempt tagged but not logged',
	edits: { 'shop.ts': [["    span.log({ event: 'error', 'error.object': err, message: err.message, stack: err.stack });\n", '']] },
	hint: "span.log({ event: 'error'"
});

// Passes: a generic retry helper, references: [childOf(...)], error = !res.ok.
add({
	step: RETRY,
	name: 'passes: a generic retry helper and references',
	edits: {},
	files: {
		'shop.ts': `import { childOf, FORMAT_HTTP_HEADERS, Tags, type Span } from 'opentracing';
import { fetch } from 'tour/http';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('shop');

async function retry<T>(times: number, onRetry: (err: Error, next: number) => void, attempt: (n: number) => Promise<T>): Promise<T> {
  let lastError: Error = new Error('no attempt made');
  for (let n = 1; n <= times; n++) {
    if (n > 1) {
      onRetry(lastError, n);
      await sleep(20 * n);
    }
    try {
      return await attempt(n);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function priceOnce(quote: Span, book: string, n: number): Promise<string> {
  const url = 'http://pricing:8081/price?book=' + encodeURIComponent(book);
  const span = tracer.startSpan('get-price', { references: [childOf(quote.context())] });
  span.addTags({ [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT, [Tags.HTTP_URL]: url, 'retry.attempt': n });
  try {
    const headers = {};
    tracer.inject(span, FORMAT_HTTP_HEADERS, headers);
    const res = await fetch(url, { headers });
    span.setTag(Tags.HTTP_STATUS_CODE, res.status);
    span.setTag(Tags.ERROR, !res.ok);
    if (!res.ok) {
      const err = new Error('pricing answered ' + res.status);
      span.log({ event: 'error', 'error.kind': 'HttpError', message: err.message });
      throw err;
    }
    return await res.text();
  } finally {
    span.finish();
  }
}

export async function main(): Promise<void> {
  const quote = tracer.startSpan('quote', { tags: { book: 'moby-dick' } });
  try {
    const price = await retry(3, (err, next) => quote.log({ event: 'retry', attempt: next, reason: err.message }), (n) => priceOnce(quote, 'moby-dick', n));
    console.log('moby-dick: ' + price);
  } catch (err) {
    console.error('no price: ' + err.message);
  } finally {
    quote.finish();
  }
}
`
	}
});

// Passes: attempts made in a while loop, each a child of the active span (quote, activated in main).
add({
	step: RETRY,
	name: 'passes: a while loop, the parent active, the attempt a child of the active span',
	edits: {
		'shop.ts': [
			['    childOf: parent,\n', ''],
			[
				/\/\/ The retry lives[\s\S]*\n\}\n\nexport/,
				`async function getPriceWithRetry(parent: Span, book: string): Promise<string> {
  let attempt = 0;
  while (true) {
    attempt += 1;
    try {
      return await getPrice(parent, book, attempt);
    } catch (err) {
      if (attempt === 2) throw err;
      parent.log({ event: 'retry', message: err.message });
    }
  }
}

export`
			],
			["  span.setTag('book', book);\n", "  span.setTag('book', book);\n  using scope = tracer.activateSpan(span);\n"]
		]
	}
});
