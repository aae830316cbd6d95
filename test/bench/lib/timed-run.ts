import type { Page } from 'playwright-core';

/** Clicks Run from inside the page and resolves with ms until the status says the run finished. */
export async function timedRun(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const status = document.querySelector('[aria-label="Run status"]')!;
				const button = [...document.querySelectorAll('button')].find((b) => /^Run/.test(b.textContent!.trim()))!;
				let started = false;
				const obs = new MutationObserver(() => {
					const t = status.textContent ?? '';
					if (!started) started = !/^(Finished|Stopped|Compile failed)/.test(t);
					else if (/^(Finished|Stopped|Compile failed)/.test(t)) {
						obs.disconnect();
						if (/^Finished in/.test(t)) resolve(performance.now() - t0);
						else reject(new Error(`run did not finish cleanly: ${t}`));
					}
				});
				obs.observe(status, { childList: true, characterData: true, subtree: true });
				const t0 = performance.now();
				button.click();
			})
	);
}
