/** The words for a claim's standing and a group figure's coverage, as every page writes them. */
import { DATA_STATUSES, type DataStatus } from '$lib/catalogue/datasets';
import { formatNumber, type Locale } from '$lib/format/number';
import { statusLabel } from '$lib/i18n';
import { ss, type StatusMessageKey } from '$lib/i18n/status-messages';
import type { Coverage } from './claim-status';

const CLAIM: Record<DataStatus, StatusMessageKey> = {
	resmi: 'claimResmi',
	estimasi: 'claimEstimasi',
	sintetis: 'claimSintetis'
};
const CLAIM_TITLE: Record<DataStatus, StatusMessageKey> = {
	resmi: 'claimResmiTitle',
	estimasi: 'claimEstimasiTitle',
	sintetis: 'claimSintetisTitle'
};

/** "resmi", "estimasi", "ilustrasi · sintetis": a claim on a sintetis input is an illustration. */
export function claimLabel(status: DataStatus, locale: Locale): string {
	return ss(locale, CLAIM[status]);
}

export function claimTitle(status: DataStatus, locale: Locale): string {
	return ss(locale, CLAIM_TITLE[status]);
}

/**
 * "resmi 0 · estimasi 3 · sintetis 24 dari 27"; with sintetis hidden
 * "resmi 0 · estimasi 3 dari 27 · 24 sintetis disembunyikan".
 */
export function coverageText(coverage: Coverage, locale: Locale): string {
	const shown = DATA_STATUSES.filter((s) => !(s === 'sintetis' && coverage.syntheticHidden));
	const counts = shown
		.map((s) => `${statusLabel(locale, s)} ${formatNumber(coverage.counts[s], locale, 0)}`)
		.join(' · ');
	const of = formatNumber(coverage.of, locale, 0);
	return coverage.syntheticHidden && coverage.counts.sintetis > 0
		? ss(locale, 'coverageHidden', {
				counts,
				of,
				hidden: formatNumber(coverage.counts.sintetis, locale, 0)
			})
		: ss(locale, 'coverage', { counts, of });
}
