// The sandbox document, as the iframe's srcdoc. Its CSP is the wall around learner code: the
// frame's own script only (by hash), blob: for the workers it makes (which inherit this policy, so
// learner code can import only blobs made inside the sandbox), and no connections anywhere — fetch,
// XHR, WebSocket, EventSource and remote import() all fail. The iframe's sandbox attribute (no
// allow-same-origin) gives it an opaque origin: no cookies, storage, caches or IndexedDB of the site.

/** `Content-Security-Policy` of the sandbox document, for a frame script with this sha256 (base64). */
export function sandboxPolicy(scriptHash: string): string {
	return [
		"default-src 'none'",
		`script-src 'sha256-${scriptHash}' blob:`,
		'worker-src blob:',
		"connect-src 'none'",
		"base-uri 'none'",
		"form-action 'none'"
	].join('; ');
}

/** The whole document; `frameScript` must not contain `</script` (checked). */
export function sandboxHtml(frameScript: string, scriptHash: string): string {
	if (/<\/script/i.test(frameScript)) throw new Error('the sandbox frame script contains </script');
	return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(scriptHash)}"><title>Trace Tour sandbox</title></head><body><script>${frameScript}</script></body></html>`;
}
