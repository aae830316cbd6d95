/**
 * A cap on the requests a run has in flight at once. A server that calls itself twice per request
 * (or two services that call each other) doubles its requests with every hop; without a cap the
 * page drowns in them long before the time limit. Past the cap the run is stopped with a message
 * that names the busiest link, which is almost always the loop.
 */
export interface RequestGuard {
	/** a request leaves `from` for `url`: a release to call when it completes, or null if refused */
	enter(from: string, url: string): (() => void) | null;
	/**
	 * A UDP packet leaves `from` for `url`. Its sender never waits for an answer, so it cannot be part
	 * of a request loop and does not count toward the cap above (a tracer's burst of span packets is
	 * no loop). Packets have their own, larger cap, like a full socket buffer: past it a packet is
	 * dropped (null; `onDatagramDrop` hears of the first drop), and the run goes on.
	 */
	enterDatagram(from: string, url: string): (() => void) | null;
	/** the cap on requests was hit: the run is being stopped */
	readonly stopped: boolean;
}

export interface DatagramLimits {
	/** UDP packets on their way at once, the whole run */
	maxDatagrams: number;
	/** the first dropped packet: a line for the Console */
	onDatagramDrop(message: string): void;
}

export function createRequestGuard(max: number, onTrip: (message: string) => void, datagrams: DatagramLimits = { maxDatagrams: max * 8, onDatagramDrop: () => {} }): RequestGuard {
	let inFlight = 0;
	let datagramsInFlight = 0;
	let datagramDrops = 0;
	let tripped = false;
	const byLink = new Map<string, number>();
	return {
		get stopped() {
			return tripped;
		},
		enter(from, url) {
			if (tripped) return null;
			const link = `${from} → ${hostOf(url)}`;
			if (inFlight >= max) {
				tripped = true;
				const [busiest, n] = [...byLink].reduce((a, b) => (b[1] > a[1] ? b : a), [link, 0]);
				onTrip(`more than ${max} requests were in flight at once (${n} of them ${busiest}): a service that calls itself, or services that call each other in a loop? The run was stopped.`);
				return null;
			}
			inFlight++;
			byLink.set(link, (byLink.get(link) ?? 0) + 1);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				inFlight--;
				const left = (byLink.get(link) ?? 1) - 1;
				if (left > 0) byLink.set(link, left);
				else byLink.delete(link);
			};
		},
		enterDatagram(from, url) {
			if (tripped) return null;
			if (datagramsInFlight >= datagrams.maxDatagrams) {
				if (datagramDrops++ === 0)
					datagrams.onDatagramDrop(`more than ${datagrams.maxDatagrams} UDP packets were on their way at once: ${from}'s packet to ${hostOf(url)} was dropped (later drops are not reported).`);
				return null;
			}
			datagramsInFlight++;
			let released = false;
			return () => {
				if (released) return;
				released = true;
				datagramsInFlight--;
			};
		}
	};
}

// a run sends the same few URLs thousands of times: parse each once
const hosts = new Map<string, string>();

function hostOf(url: string): string {
	let host = hosts.get(url);
	if (host === undefined) {
		try {
			host = new URL(url).hostname || url.slice(0, 60);
		} catch {
			host = url.slice(0, 60);
		}
		if (hosts.size >= 256) hosts.clear();
		hosts.set(url, host);
	}
	return host;
}
