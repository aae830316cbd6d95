// The sandbox document's script: spawns and kills learner service workers for the page, and does
// nothing else. It runs only in an opaque origin inside a frame (an `<iframe sandbox="allow-scripts">`
// without allow-same-origin), under a CSP with no network; anywhere else it stays inert. It listens
// only to its parent, and hands each worker the MessagePort the page sent for it, so a service talks
// to the page over that port alone.
import { PROTOCOL_VERSION, type FromFrame, type ToFrame } from './protocol';

const opaque = self.origin === 'null';
const parentWindow = window.parent;

if (opaque && parentWindow !== window) {
	let workerUrl: string | null = null;
	const workers = new Map<number, Worker>();
	const tell = (msg: FromFrame) => parentWindow.postMessage(msg, '*');

	addEventListener('message', (ev: MessageEvent) => {
		if (ev.source !== parentWindow) return;
		const msg = ev.data as ToFrame;
		if (msg?.v !== PROTOCOL_VERSION) return;
		if (msg.t === 'init' && workerUrl === null && typeof msg.workerSource === 'string') {
			workerUrl = URL.createObjectURL(new Blob([msg.workerSource], { type: 'text/javascript' }));
		} else if (msg.t === 'spawn' && workerUrl && ev.ports.length === 1 && Number.isInteger(msg.id) && !workers.has(msg.id)) {
			const id = msg.id;
			const worker = new Worker(workerUrl, { name: 'service' });
			// errors the service's own handlers did not take: the worker itself broke or ran out of memory
			worker.addEventListener('error', (e) => {
				e.preventDefault();
				tell({ v: PROTOCOL_VERSION, t: 'crashed', id, message: String(e.message || 'the worker stopped') });
			});
			worker.postMessage({ v: PROTOCOL_VERSION, t: 'connect' }, [ev.ports[0]]);
			workers.set(id, worker);
		} else if (msg.t === 'kill') {
			workers.get(msg.id)?.terminate();
			workers.delete(msg.id);
		}
	});
	tell({ v: PROTOCOL_VERSION, t: 'ready' });
}
