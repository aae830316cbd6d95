// The reports job: builds three reports at once, each with one query.
import { Tags, type Span } from 'opentracing';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('reports');

// Three reports are built at once: each query is given its own report's span.
async function query(parent: Span, report: string, sql: string): Promise<void> {
  const span = tracer.startSpan('query', { childOf: parent, tags: { [Tags.DB_STATEMENT]: sql, 'report.name': report } });
  await sleep(10);
  span.finish();
}

async function build(name: string, templateMs: number): Promise<void> {
  const span = tracer.startSpan('report', { tags: { 'report.name': name } });
  await sleep(templateMs); // load the template
  await query(span, name, `SELECT day, SUM(cents) FROM sales WHERE period = '${name}' GROUP BY day`);
  span.finish();
}

export async function main(): Promise<void> {
  await Promise.all([build('daily', 5), build('weekly', 10), build('monthly', 15)]);
  console.log('3 reports built');
}
