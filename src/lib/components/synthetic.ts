/**
 * The sintetis switch as the page reads it: the URL's choice, else the one remembered in the
 * cookie (read from the document in the browser, so a choice made on this visit counts at once;
 * from the layout's data on the server), else the default.
 */
import { browser } from '$app/environment';
import { page } from '$app/state';
import { rememberedChoice, showSynthetic } from '$lib/status/synthetic-switch';

export function currentShowSynthetic(): boolean {
	const remembered = browser
		? rememberedChoice(document.cookie)
		: ((page.data as { syntheticRemembered?: boolean | null }).syntheticRemembered ?? null);
	return showSynthetic(page.url.searchParams, remembered);
}
