// Look at a page: `npx tsx test/e2e/screenshot.ts /tutorial/hello-span/hello-world out.png [width] [dark]`
import { launchChromium } from './browser';
import { serveBuild } from './serve';

const [path = '/', out = 'test-results/screenshot.png', width = '1280', scheme = 'light'] = process.argv.slice(2);
const { origin, close } = await serveBuild();
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, colorScheme: scheme === 'dark' ? 'dark' : 'light' });
await page.goto(origin + path);
await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 5000 }).catch(() => {});
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: Number(width) < 800 });
await browser.close();
await close();
console.log(out);
