// The nightly import: loads the day's export files one after another.
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('nightly');

const FILES: [file: string, rows: number][] = [
  ['customers.csv', 120],
  ['orders.csv', 480],
  ['returns.csv', 0],
];

export async function main(): Promise<void> {
  const root = tracer.startSpan('nightly-import');
  for (const [file, rows] of FILES) {
    const span = tracer.startSpan('import-file', { childOf: root, tags: { file, rows } });
    if (rows === 0) {
      // an empty export means the export upstream failed: stop here
      span.log({ event: 'empty file, import stopped' });
      span.finish();
      console.log(`${file} is empty: import stopped`);
      return;
    }
    await sleep(rows / 40);
    span.finish();
  }
  root.finish();
}
