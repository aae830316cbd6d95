/**
 * A cap on the requests a run has in flight at once. A server that calls itself twice per request
 * (or two services that call each other) doubles its requests with every hop; without a cap the
 * page drowns in them long before the time limit. Past the cap the run is stopped with a message
 * that names the busiest link, which is almost always the loop.
 */
export interface RequestGuard {
	/** a request leaves `from` for `url`: a release to call when it completes, or null if refused */
	enter(from: string, url: string): (() => void) | null;
}

export function createRequestGuard(max: number, onTrip: (message: string) => void): RequestGuard {
	let inFlight = 0;
	let tripped = false;
	const byLink = new Map<string, number>();
	return {
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
