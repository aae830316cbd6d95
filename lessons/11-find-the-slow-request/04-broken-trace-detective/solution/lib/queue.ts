// One background worker renders e-mails, one job at a time, in the order they came.
type Job = () => Promise<void>;

const jobs: Job[] = [];
let wake: (() => void) | null = null;

/** Runs `job` on the worker; settles when it has run. */
export function enqueue(job: Job): Promise<void> {
  return new Promise<void>((done, failed) => {
    jobs.push(() => job().then(done, failed));
    const w = wake;
    wake = null;
    w?.();
  });
}

// The worker starts with the service, before any request: it waits for jobs and runs them.
async function worker(): Promise<void> {
  for (;;) {
    const job = jobs.shift();
    if (job) await job();
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}
void worker();
