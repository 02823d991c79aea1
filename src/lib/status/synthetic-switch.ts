/**
 * "Data contoh (sintetis): tampilkan / sembunyikan". The choice lives in the URL (`sintetis=`), so
 * a copied link shows what its sender saw, and is remembered in a cookie for the next visit. The
 * default hides sintetis figures: a Dinas that installs the product for real must never brief from
 * an invented number because nobody changed a setting.
 */
export const SYNTHETIC_PARAM = 'sintetis';
export const SYNTHETIC_COOKIE = 'sintetis';
export const SHOW = 'tampilkan';
export const HIDE = 'sembunyikan';
export const DEFAULT_SHOW_SYNTHETIC = false;
/** A year: the choice outlives the session, as a language choice would. */
export const COOKIE_MAX_AGE = 365 * 24 * 3600;

/** `tampilkan` → true, `sembunyikan` → false, anything else → null (no choice). */
export function readChoice(text: string | null | undefined): boolean | null {
	if (text === SHOW) return true;
	if (text === HIDE) return false;
	return null;
}

export const choiceText = (show: boolean) => (show ? SHOW : HIDE);

/** The URL's choice, else the remembered one, else the default. */
export function showSynthetic(params: URLSearchParams, remembered: boolean | null): boolean {
	return readChoice(params.get(SYNTHETIC_PARAM)) ?? remembered ?? DEFAULT_SHOW_SYNTHETIC;
}

/** The remembered choice in a `Cookie` header or `document.cookie`. */
export function rememberedChoice(cookieText: string): boolean | null {
	for (const part of cookieText.split(';')) {
		const [name, ...value] = part.trim().split('=');
		if (name === SYNTHETIC_COOKIE) return readChoice(value.join('='));
	}
	return null;
}

/** The cookie that remembers a choice. */
export function choiceCookie(show: boolean): string {
	return `${SYNTHETIC_COOKIE}=${choiceText(show)}; path=/; max-age=${COOKIE_MAX_AGE}; samesite=lax`;
}

/** The parameters with the choice written out (links carry it once a choice was made). */
export function withChoice(params: URLSearchParams, show: boolean): URLSearchParams {
	const next = new URLSearchParams(params);
	next.set(SYNTHETIC_PARAM, choiceText(show));
	return next;
}

/**
 * Whether links to other pages must carry the choice: when the URL states it, or when it differs
 * from the default (a remembered choice). Otherwise the default needs no words.
 */
export function carriesChoice(params: URLSearchParams, show: boolean): boolean {
	return params.has(SYNTHETIC_PARAM) || show !== DEFAULT_SHOW_SYNTHETIC;
}
