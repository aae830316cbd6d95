// The compiler's download progress when the host compresses esbuild.wasm.
import { describe, it, expect } from 'vitest';
import { decodedSize } from '../../../src/lib/runner/compile/download-size';

describe('decodedSize', () => {
	it('uses the size the build recorded when the body is encoded (Content-Length is the compressed size)', () => {
		expect(decodedSize(new Headers({ 'content-length': '2700000', 'content-encoding': 'br' }), 13_978_850)).toBe(13_978_850);
		expect(decodedSize(new Headers({ 'content-length': '13978850' }), 13_978_850)).toBe(13_978_850);
		expect(decodedSize(new Headers({ 'content-length': '500' }), null)).toBe(500);
		expect(decodedSize(new Headers({ 'content-encoding': 'gzip' }), null)).toBeNull();
	});
});
