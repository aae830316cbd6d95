// For browser benchmarks: make sure build/ exists (building it when missing), serve it, launch chromium.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serveBuild, BUILD_DIR } from '../../e2e/serve';
import { launchChromium } from '../../e2e/browser';

export async function ensureBuild() {
	if (!existsSync(resolve(BUILD_DIR, 'index.html'))) {
		console.log('(building the site first: npm run build)');
		execSync('npm run build', { stdio: 'ignore', cwd: resolve(BUILD_DIR, '..') });
	}
}

export async function openSite() {
	await ensureBuild();
	const site = await serveBuild();
	const browser = await launchChromium();
	return {
		origin: site.origin,
		browser,
		async close() {
			await browser.close();
			await site.close();
		}
	};
}
