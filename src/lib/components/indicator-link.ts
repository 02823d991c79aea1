/** Links to an indicator's page, keeping the language and the sintetis choice of the page. */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { LANG_PARAM } from '$lib/i18n';
import { SYNTHETIC_PARAM } from '$lib/status/synthetic-switch';
import { toSearch } from './dashboard-view';

function kept(current: URLSearchParams): URLSearchParams {
	const params = new URLSearchParams();
	for (const name of [LANG_PARAM, SYNTHETIC_PARAM]) {
		const value = current.get(name);
		if (value !== null) params.set(name, value);
	}
	return params;
}

export function indicatorHref(id: string, current: URLSearchParams): ResolvedPathname {
	return `${resolve('/indikator/[id]', { id })}${toSearch(kept(current))}` as ResolvedPathname;
}

export function indicatorsHref(current: URLSearchParams): ResolvedPathname {
	return `${resolve('/indikator')}${toSearch(kept(current))}` as ResolvedPathname;
}
