/** Debian's Chromium with the same flags as the Playwright tests. */
import { chromium, type Browser } from '@playwright/test';
import config from '../../playwright.config';

export function launchChromium(): Promise<Browser> {
	return chromium.launch(config.use?.launchOptions ?? { executablePath: '/usr/bin/chromium' });
}

export async function chromiumVersion(browser: Browser): Promise<string> {
	return browser.version();
}
