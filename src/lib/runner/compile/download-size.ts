// How many bytes the compiler's download will yield, for its progress. A compressed response
// (npm start, most hosts: esbuild.wasm is 14 MB raw, 2.7 MB as brotli) has a Content-Length of the
// compressed bytes while the body stream yields decoded ones, so the percentage passed 100 at a fifth
// of the way. The build knows the decoded size (vite.config.ts defines __ESBUILD_WASM_BYTES__).

/** The decoded size to show progress against: Content-Length when the body is not encoded, else the size the build recorded (null: unknown). */
export function decodedSize(headers: Headers, builtBytes: number | null): number | null {
	const encoding = headers.get('content-encoding');
	const length = Number(headers.get('content-length')) || null;
	if (!encoding || encoding === 'identity') return length ?? builtBytes;
	return builtBytes;
}
