import type { NetworkRecordEx } from '$lib/sim';
import type { Trace } from '$lib/model';
import type { PipelineSnapshot } from '$lib/backend';
import type { EditorMarker } from '$lib/editor';
import { Runner } from '../world/runner';
import type { RunPhase, RunRequest, RunResult } from '../world/types';
import type { CompilerState } from '../compile/client';
import type { ConsoleLine } from '../service/protocol';
import { foreground } from '../first-run';

/**
 * The reactive state a page shows for runs: console lines, network records, phase, markers. Pages and
 * tutorial steps hold one; components only render it. Updates arriving in a burst are applied together,
 * once a frame.
 */
const FRAME_MS = 16;

/** A performance mark per compiler state and run phase: the cold-start waterfall (test/bench) reads them. */
const mark = (name: string) => performance.mark(`tour: ${name}`);

export class RunSession {
	lines = $state.raw<ConsoleLine[]>([]);
	records = $state.raw<NetworkRecordEx[]>([]);
	phase = $state<RunPhase | 'idle'>('idle');
	compiler = $state<CompilerState>({ phase: 'idle' });
	markers = $state.raw<EditorMarker[]>([]);
	result = $state.raw<RunResult | null>(null);
	/** the traces the last run produced (what a step's check judges), oldest first */
	traces = $state.raw<Trace[]>([]);
	running = $derived(this.phase !== 'idle' && this.phase !== 'done');
	/** the Jaeger pipeline's counters, as the backend worker last posted them */
	backend = $state.raw<PipelineSnapshot | null>(null);

	readonly runner: Runner;
	#pendingLines: ConsoleLine[] = [];
	#pendingRecords = new Map<number, NetworkRecordEx>();
	/** where each record is in `records`: a frame's updates cost what changed, not the whole list */
	#recordIndex = new Map<number, number>();
	#scheduled = false;
	#generation = 0;

	constructor(runner?: Runner) {
		this.runner = runner ?? new Runner();
	}

	warm(): void {
		// the worker already throttles to ~10 a second: each snapshot replaces the last
		this.runner.onBackendSnapshot((s) => {
			if (!this.backend || s.seq > this.backend.seq || s.seq === 1) this.backend = s;
		});
		this.runner.compiler.onState((s) => {
			if (s.phase !== this.compiler.phase) mark(`compiler ${s.phase}`);
			this.compiler = s;
			// the compiler's download is foreground work: the page's extras wait for it (../first-run.ts)
			if (s.phase === 'loading') this.#downloading ??= foreground.begin();
			else this.#endDownloading();
		});
		this.runner.warm();
	}

	#downloading: (() => void) | null = null;
	#endDownloading() {
		this.#downloading?.();
		this.#downloading = null;
	}

	#schedule(gen: number) {
		if (this.#scheduled) return;
		this.#scheduled = true;
		// at most one update a frame: a run's messages can come thousands a second (a request loop),
		// and re-rendering the Console and Network panel for each one froze the page
		setTimeout(() => {
			this.#scheduled = false;
			if (gen !== this.#generation) return;
			if (this.#pendingLines.length) {
				this.lines = [...this.lines, ...this.#pendingLines];
				this.#pendingLines = [];
			}
			if (this.#pendingRecords.size) {
				const next = [...this.records];
				const index = this.#recordIndex;
				for (const r of this.#pendingRecords.values()) {
					const i = index.get(r.id);
					if (i === undefined) index.set(r.id, next.push(r) - 1);
					else next[i] = r;
				}
				this.#pendingRecords.clear();
				this.records = next;
			}
		}, FRAME_MS);
	}

	async run(req: RunRequest): Promise<RunResult> {
		const gen = ++this.#generation;
		this.#pendingLines = [];
		this.#pendingRecords.clear();
		this.#recordIndex.clear();
		this.lines = [];
		this.records = [];
		this.markers = [];
		this.result = null;
		this.traces = [];
		const done = foreground.begin();
		let settled = false; // after the final word, a late message (own port) is already in it
		const result = await this.runner.run(req, {
			onPhase: (p) => {
				mark(`run ${p}`);
				if (gen === this.#generation) this.phase = p;
			},
			onConsole: (l) => {
				if (settled) return;
				this.#pendingLines.push(l);
				this.#schedule(gen);
			},
			onRecord: (r) => {
				if (settled) return;
				this.#pendingRecords.set(r.id, r);
				this.#schedule(gen);
			}
		}).finally(() => (done(), foreground.runEnded()));
		if (gen !== this.#generation) return result;
		// the final word: everything the run saw, in case a burst was still queued; the queue is
		// dropped, or a frame timer still pending would append its lines a second time
		settled = true;
		this.#pendingLines = [];
		this.#pendingRecords.clear();
		this.lines = result.console;
		this.records = result.network.length ? result.network : this.records;
		this.markers = [
			...result.diagnostics,
			...result.errors
				.filter((e) => e.file && e.line)
				.map((e) => ({ file: e.file!, line: e.line!, column: e.column ?? 1, message: `${e.service}: ${e.message}`, severity: 'error' as const }))
		];
		// the traces it produced, read back through jaeger-query like any Jaeger UI, arrive with the
		// result: the status never says Finished while the Traces tab still counts none
		const traces = await this.runner.traces().catch((e: unknown) => {
			this.lines = [...this.lines, { service: 'runner', stream: 'err' as const, text: e instanceof Error ? e.message : String(e), time: result.timings.totalMs }];
			return [];
		});
		if (gen !== this.#generation) return result;
		this.traces = traces;
		this.result = result;
		return result;
	}

	/** Ends the run in progress at once (the Stop button). */
	stop(): void {
		this.runner.stop();
	}

	dispose(): void {
		this.#endDownloading();
		this.#generation++;
		this.runner.dispose();
	}
}
