/**
 * Where MSMEs sell: each channel's share of all MSMEs (a catalogue ratio, computed by the API) and
 * the count over its line, for the data table.
 */
import type { SummaryMessageKey } from '$lib/i18n/summary-messages';

export interface Channel {
	/** The ratio indicator: channel MSMEs over all MSMEs, in percent. */
	shareIndicator: string;
	/** The base indicator over its line. */
	countIndicator: string;
	key: SummaryMessageKey;
}

export const CHANNELS = [
	{
		shareIndicator: 'persen_umkm_luar_daerah',
		countIndicator: 'umkm_pemasaran_luar_daerah',
		key: 'channelOutside'
	},
	{ shareIndicator: 'persen_umkm_ekspor', countIndicator: 'umkm_ekspor', key: 'channelExport' },
	{ shareIndicator: 'persen_umkm_daring', countIndicator: 'umkm_daring', key: 'channelOnline' }
] as const satisfies readonly Channel[];
