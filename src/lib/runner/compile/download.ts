// The compiler's download: its bytes counted as they stream (esbuild's own initialize reports no
// progress), and an end to a download that stalls. On conference Wi-Fi a response can stop
// half-way without ever failing; the progress bar would then stand still for good and every Run
// would wait on it. After `stallMs` with no byte the request is aborted with a message saying so,
// and the next Run starts the download again.
import { decodedSize } from './download-size';
import { formatMs } from '../world/limits';

export type Progress = { loaded: number; total: number | null };

export const STALL_MS = 30_000;

export interface DownloadOptions {
	/** the decoded size the build recorded (a compressed response's Content-Length is not it) */
	builtBytes: number | null;
	onProgress?: (p: Progress) => void;
	stallMs?: number;
	fetch?: typeof fetch;
	/** report progress each time this many more bytes arrived */
	reportEvery?: number;
}

export interface Download {
	/** the body as it arrives; it errors if the download stalls */
	body: ReadableStream<Uint8Array>;
	/** when the last byte arrived (ms since the epoch; NaN before) */
	lastByte(): number;
	/** why the download was given up (a stall), to say instead of what the reader of `body` saw */
	failure(): Error | null;
}

export async function download(url: string, options: DownloadOptions): Promise<Download> {
	const stallMs = options.stallMs ?? STALL_MS;
	const reportEvery = options.reportEvery ?? 256 * 1024;
	const controller = new AbortController();
	let failure: Error | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			failure = new Error(`the download stalled: nothing arrived for ${formatMs(stallMs)}. Check the connection, then Run again.`);
			controller.abort(failure);
		}, stallMs);
	};
	arm();
	let res: Response;
	try {
		res = await (options.fetch ?? fetch)(url, { signal: controller.signal });
	} catch (e) {
		clearTimeout(timer);
		throw failure ?? new Error(`the download failed (${e instanceof Error ? e.message : String(e)}). Check the connection, then Run again.`);
	}
	if (!res.ok || !res.body) {
		clearTimeout(timer);
		throw new Error(`the server answered ${res.status}`);
	}
	const total = decodedSize(res.headers, options.builtBytes);
	let loaded = 0;
	let lastReport = 0;
	let lastByte = NaN;
	const body = res.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, out) {
				arm();
				loaded += chunk.length;
				if (options.onProgress && loaded - lastReport > reportEvery) {
					lastReport = loaded;
					options.onProgress({ loaded, total });
				}
				out.enqueue(chunk);
			},
			flush() {
				clearTimeout(timer);
				lastByte = performance.timeOrigin + performance.now();
				options.onProgress?.({ loaded, total: total ?? loaded });
			}
		})
	);
	return { body, lastByte: () => lastByte, failure: () => failure };
}
