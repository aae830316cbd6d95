declare module 'virtual:sandbox' {
	/** the sandbox frame's document (srcdoc), with its CSP and script */
	export const SANDBOX_HTML: string;
	/** the service worker's runtime, one classic script */
	export const WORKER_SOURCE: string;
}
