// The page's foreground work — the compiler's download and the first Run — as signals the page's
// extras wait for. On a shared link (a workshop room) everything fetched at once shares the
// bandwidth: Monaco's TypeScript worker (1 MB compressed) and the offline copy (~25 MB raw) each
// made the first Run wait for bytes it did not need. So they start after it (see the root layout,
// $lib/editor/language-service and $lib/course/offline's registerWhenSettled).
//
// Pure and import-free, so the rules are tested in Node; `foreground` is the page's one instance,
// fed by RunSession.

export class Foreground {
	#busy = 0;
	#quietWaiters: (() => void)[] = [];
	#runEnded!: () => void;
	#hasRun = false;
	/** Resolves once a run has ended on this page (passed, failed, stopped: any end). */
	readonly firstRunEnded: Promise<void> = new Promise((ok) => (this.#runEnded = ok));

	/** Starts a piece of foreground work; call the returned function (once) when it ends. */
	begin(): () => void {
		this.#busy++;
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			if (--this.#busy === 0) for (const ok of this.#quietWaiters.splice(0)) ok();
		};
	}

	/** A run ended: opens `firstRunEnded`. */
	runEnded(): void {
		this.#hasRun = true;
		this.#runEnded();
	}

	get hasRun(): boolean {
		return this.#hasRun;
	}

	/** Resolves when no foreground work is going on (at once if none is). */
	quiet(): Promise<void> {
		return this.#busy === 0 ? Promise.resolve() : new Promise((ok) => this.#quietWaiters.push(ok));
	}
}

export const foreground = new Foreground();
