// The nightly export: writes three tables to CSV files for the data team, then exits, as a
// command-line job does.
import type { Span } from 'opentracing';
import { sleep } from 'tour/time';
import { initTracer } from 'tour/tracing';

const tracer = initTracer('export');

const TABLES: [table: string, rows: number][] = [
  ['orders', 480],
  ['customers', 120],
  ['products', 60],
];

async function exportTable(parent: Span, table: string, rows: number): Promise<void> {
  const span = tracer.startSpan('export-table', { childOf: parent, tags: { table, rows } });
  await sleep(rows / 40); // write the CSV file
  span.finish();
}

export async function main(): Promise<void> {
  const root = tracer.startSpan('export-tables');
  for (const [table, rows] of TABLES) await exportTable(root, table, rows);
  // the manifest tells the data team's loader which files to read
  const manifest = tracer.startSpan('write-manifest', { childOf: root, tags: { files: TABLES.length } });
  manifest.finish();
  root.finish();
  console.log(`exported ${TABLES.length} tables`);
  // a command-line job: end the process as soon as the work is done
  process.exit(0);
}
