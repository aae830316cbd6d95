// The page's sandbox: one hidden `<iframe sandbox="allow-scripts">` (opaque origin, CSP without
// network, see html.ts) that starts a worker per learner service. The page talks to the frame only
// to spawn and kill workers; each worker gets its own MessagePort to the page (link.ts).
import { SANDBOX_HTML, WORKER_SOURCE } from 'virtual:sandbox';
import { PROTOCOL_VERSION, type FromFrame, type ToFrame } from './protocol';
import { SandboxServiceLink } from './link';

/** How long the frame may take to load before runs fail with a message instead of hanging. */
const READY_TIMEOUT_MS = 15_000;

export class Sandbox {
	#frame: HTMLIFrameElement | null = null;
	#ready: Promise<Window> | null = null;
	#links = new Map<number, SandboxServiceLink>();
	#nextId = 0;
	#onMessage: ((ev: MessageEvent) => void) | null = null;

	#start(): Promise<Window> {
		if (this.#ready) return this.#ready;
		const frame = document.createElement('iframe');
		frame.setAttribute('sandbox', 'allow-scripts');
		frame.setAttribute('aria-hidden', 'true');
		frame.tabIndex = -1;
		frame.title = 'Sandbox for learner code';
		frame.hidden = true;
		frame.srcdoc = SANDBOX_HTML;
		this.#frame = frame;
		this.#ready = new Promise<Window>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the sandbox for learner code did not start')), READY_TIMEOUT_MS);
			this.#onMessage = (ev) => {
				if (!frame.contentWindow || ev.source !== frame.contentWindow) return;
				const msg = ev.data as FromFrame;
				if (msg?.v !== PROTOCOL_VERSION) return;
				if (msg.t === 'ready') {
					clearTimeout(timer);
					this.#post(frame.contentWindow, { v: PROTOCOL_VERSION, t: 'init', workerSource: WORKER_SOURCE });
					resolve(frame.contentWindow);
				} else if (msg.t === 'crashed' && Number.isInteger(msg.id)) {
					this.#links.get(msg.id)?.crashed(typeof msg.message === 'string' ? msg.message.slice(0, 500) : 'no reason given');
				}
			};
			addEventListener('message', this.#onMessage);
		});
		this.#ready.catch(() => {});
		document.body.append(frame);
		return this.#ready;
	}

	// an opaque origin has no name to address it by, hence '*'; nothing sent to it is secret
	#post(win: Window, msg: ToFrame, transfer: Transferable[] = []) {
		win.postMessage(msg, '*', transfer);
	}

	/** Loads the frame now, so the first Run does not wait for it. */
	warm(): void {
		void this.#start();
	}

	/** A fresh worker for one service; usable at once (calls wait in its port until it runs). */
	spawn(): SandboxServiceLink {
		const id = ++this.#nextId;
		const channel = new MessageChannel();
		const ready = this.#start();
		const link = new SandboxServiceLink(channel.port1, () => {
			this.#links.delete(id);
			void ready.then((win) => this.#post(win, { v: PROTOCOL_VERSION, t: 'kill', id })).catch(() => {});
		});
		this.#links.set(id, link);
		ready.then(
			(win) => this.#post(win, { v: PROTOCOL_VERSION, t: 'spawn', id }, [channel.port2]),
			(e: Error) => link.crashed(e.message)
		);
		return link;
	}

	dispose(): void {
		for (const l of this.#links.values()) l.stop();
		if (this.#onMessage) removeEventListener('message', this.#onMessage);
		this.#frame?.remove();
		this.#frame = null;
		this.#ready = null;
	}
}
