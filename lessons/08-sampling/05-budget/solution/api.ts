import { Tags, type Span } from 'opentracing';
import { serve } from 'tour/http';
import { initTracer } from 'tour/tracing';

const tracer = initTracer({
  serviceName: 'api',
  sampler: { type: 'probabilistic', param: 0.01 },
  reporter: { logSpans: false },
});

// The orders table: every 40th row is corrupt, and reading it fails.
async function readOrder(parent: Span, id: number): Promise<{ id: number; total: number }> {
  const span = tracer.startSpan('db-query', {
    childOf: parent,
    tags: { [Tags.DB_TYPE]: 'sql', [Tags.DB_STATEMENT]: 'SELECT * FROM orders WHERE id = ?' },
  });
  try {
    if (id % 40 === 0) throw new Error(`order ${id}: corrupt row`);
    return { id, total: id * 3 };
  } finally {
    span.finish();
  }
}

serve(8080, async (req) => {
  const id = Number(req.query.id);
  const span = tracer.startSpan('GET /order', { tags: { [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER, 'order.id': id } });
  try {
    return JSON.stringify(await readOrder(span, id));
  } catch (err) {
    // The sampler decided at the start, when nothing had failed yet: ask for this trace now —
    // first, since an unsampled span keeps nothing set on it (its start tags are gone too).
    span.setTag(Tags.SAMPLING_PRIORITY, 1);
    span.setTag(Tags.ERROR, true);
    span.setTag('order.id', id);
    span.log({ event: 'error', message: err.message });
    return { status: 500, body: 'could not read the order' };
  } finally {
    span.finish();
  }
});
