import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSandbox } from '$lib/runner/sandbox/vite-plugin';
import { sandboxHtml, sandboxPolicy } from '$lib/runner/sandbox/html';

describe('the sandbox document', () => {
	it('allows its own script by hash, blobs for workers, and no connection anywhere', () => {
		const policy = sandboxPolicy('abc=');
		expect(policy).toContain("default-src 'none'");
		expect(policy).toContain("script-src 'sha256-abc=' blob:");
		expect(policy).toContain("connect-src 'none'");
		expect(policy).toContain('worker-src blob:');
		// 'self' would let learner code import scripts from the site's own server
		expect(policy).not.toMatch(/'self'|'unsafe-inline'|'unsafe-eval'|\*/);
	});

	it('refuses a script that would end its own <script> element', () => {
		expect(() => sandboxHtml('a("</script>")', 'x')).toThrow(/<\/script/);
	});

	it('is built with the hash of the very script it carries, and a classic worker script', async () => {
		const built = await buildSandbox(resolve(import.meta.dirname, '../../../..'));
		const script = built.html.match(/<script>([\s\S]*)<\/script>/)![1];
		const hash = createHash('sha256').update(script, 'utf8').digest('base64');
		expect(built.html).toContain(`'sha256-${hash}'`);
		expect(built.html.match(/<script/g)).toHaveLength(1);
		// a classic script: no import/export statements at its top level
		expect(built.worker).not.toMatch(/^\s*(import|export)\s/m);
		expect(built.worker.length).toBeGreaterThan(10_000);
	});
});
