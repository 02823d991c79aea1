import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import { defaultPer, HEADLINE } from '$lib/catalogue/headline';
import { findIndicator, type Normalisation } from '$lib/catalogue/indicators';
import { isPeerKind, readDataView, readYear } from '$lib/components/dashboard-view';
import { localeOf, t, type MessageKey } from '$lib/i18n';
import { st } from '$lib/i18n/summary-messages';
import type { QueryRow } from '$lib/query/indicator-query';
import { CHANNELS } from '$lib/summary/channels';
import { defaultSummaryYear } from '$lib/summary/default-year';
import { KDKMP_PANEL_INDICATORS, type KdkmpRows } from '$lib/summary/kdkmp-snapshot';
import { FetchError, mergeRows, summaryFetcher } from '$lib/summary/fetch-data';
import { peerGroup } from '$lib/summary/peer-group';
import { unpackRegions } from '$lib/summary/region-columns';
import { takesFacts } from '$lib/summary/what-it-takes';
import { visibleRows } from '$lib/status/claim-status';
import { rememberedChoice, showSynthetic } from '$lib/status/synthetic-switch';
import type { PageLoad } from './$types';

/**
 * Up to this many peers, every year is fetched once and changing the year needs no new data; a
 * larger group (all 514 regencies and cities) fetches the peers only for the chosen year and the
 * one before (ranks, rank change, quartile), so its median trend covers those two years.
 */
const ALL_YEARS_UP_TO = 60;

/** Started early, awaited late: a failure is handled where it is awaited, never left unhandled. */
function early<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}

export const load: PageLoad = async ({ data: server, fetch, url, parent }) => {
	const view = readDataView(url.searchParams);
	const data = summaryFetcher(fetch, browser);
	// The locale is read only on failure, so switching language does not re-run the load.
	const fail = (status: number, key: MessageKey, values: Record<string, string | number>): never =>
		error(status, t(localeOf(url.searchParams), key, values));
	const failed = (reason: unknown): never => {
		if (reason instanceof FetchError) return fail(502, 'errorData', { status: reason.status });
		throw reason;
	};

	const indicator = findIndicator(view.indicator);
	if (!indicator) return fail(400, 'errorUnknownIndicator', { id: view.indicator });
	const per = (view.per ?? defaultPer(indicator)) as Normalisation;
	if (!indicator.normalisations.includes(per)) fail(400, 'errorBadNormalisation', { per });
	if (!isPeerKind(view.peers)) {
		error(400, st(localeOf(url.searchParams), 'errorUnknownPeers', { value: view.peers }));
	}

	const regions = unpackRegions(server.regionColumns);
	const byCode = new Map(regions.map((r) => [r.code, r]));
	const focus = byCode.get(view.focus) ?? fail(404, 'errorUnknownRegion', { code: view.focus });
	const benchmark =
		byCode.get(view.benchmark) ?? fail(404, 'errorUnknownRegion', { code: view.benchmark });
	const grouped = peerGroup(view.peers, focus, regions, view.peerList);
	if (!grouped.ok) return fail(404, 'errorUnknownRegion', { code: grouped.unknown });
	const peers = grouped.group;

	const pair = [...new Set([focus.code, benchmark.code])];
	const peerCodes = peers.regions.map((r) => r.code);
	const everyone = [...new Set([...pair, ...peerCodes])];
	const allYears = peerCodes.length <= ALL_YEARS_UP_TO;

	// Headline rows are asked first; the pair-only questions reuse them where they are the same.
	const headline = HEADLINE.map((item) =>
		early(data.rows({ ...item, regions: allYears ? everyone : pair }))
	);
	const pairOnly = (id: string, p: Normalisation = 'total') => {
		const i = HEADLINE.findIndex((h) => h.indicator === id && h.per === p);
		return i >= 0
			? headline[i]!.then((rows) => rows.filter((r) => pair.includes(r.region_code)))
			: data.rows({ indicator: id, per: p, regions: pair });
	};
	const composition = early(
		Promise.all([
			pairOnly('modal_sendiri'),
			pairOnly('modal_luar'),
			pairOnly('rasio_modal_sendiri'),
			pairOnly('jumlah_umkm'),
			Promise.all(
				CHANNELS.map((c) => Promise.all([pairOnly(c.shareIndicator), pairOnly(c.countIndicator)]))
			),
			data.composition({ dataset: 'koperasi', fact: 'koperasi_aktif', regions: pair })
		])
	);
	const kdkmp = early(
		Promise.all(
			KDKMP_PANEL_INDICATORS.map((id) => data.rows({ indicator: id, per: 'total', regions: pair }))
		) as Promise<[QueryRow[], QueryRow[], QueryRow[], QueryRow[]]>
	);
	const facts = takesFacts(indicator);
	const takes = early(
		Promise.all(
			[...facts.numerator, ...facts.remainder].map(
				async (fact) =>
					[fact, await data.rows({ indicator: fact, per: 'total', regions: [focus.code] })] as const
			)
		)
	);
	const detailPair = early(
		data.rows({ indicator: indicator.id, per, regions: allYears ? everyone : pair })
	);

	let cards: QueryRow[][];
	let detail: QueryRow[];
	let peerYears: number[] | null = null;
	let year: number | null = null;
	if (allYears) {
		cards = await Promise.all(headline).catch(failed);
		detail = await detailPair.catch(failed);
	} else {
		const pairRows = await Promise.all(headline).catch(failed);
		// The latest year the page will show: with sintetis hidden, the latest with other figures.
		const remembered = browser
			? rememberedChoice(document.cookie)
			: (await parent()).syntheticRemembered;
		const show = showSynthetic(url.searchParams, remembered);
		year =
			readYear(url.searchParams) ??
			defaultSummaryYear(
				pairRows.map((rows) => visibleRows(rows, show)),
				pair
			)?.year ??
			null;
		const span = year === null ? null : { from: year - 1, to: year };
		peerYears = span ? [span.from, span.to] : [];
		const [peerRows, detailPeers] = span
			? await Promise.all([
					Promise.all(HEADLINE.map((item) => data.rows({ ...item, regions: peerCodes, ...span }))),
					data.rows({ indicator: indicator.id, per, regions: peerCodes, ...span })
				]).catch(failed)
			: [HEADLINE.map(() => []), []];
		cards = pairRows.map((rows, i) => mergeRows(rows, peerRows[i] ?? []));
		detail = mergeRows(await detailPair.catch(failed), detailPeers);
	}

	const [own, outside, ownShare, umkm, channels, types] = await composition.catch(failed);
	const [kdkmpCoops, villages, coverage, nib] = await kdkmp.catch(failed);
	const kdkmpRows: KdkmpRows = {
		kdkmp_koperasi: kdkmpCoops,
		desa_kelurahan: villages,
		kdkmp_cakupan_desa: coverage,
		kdkmp_persen_nib: nib
	};
	return {
		regions,
		focus,
		benchmark,
		peers,
		peerYears,
		cards: HEADLINE.map((item, i) => ({ item, rows: cards[i] ?? [] })),
		detail: {
			indicator: indicator.id,
			per,
			rows: detail,
			facts: Object.fromEntries(await takes.catch(failed))
		},
		composition: {
			own,
			outside,
			ownShare,
			umkm,
			channels: CHANNELS.map((c, i) => ({
				...c,
				share: channels[i]?.[0] ?? [],
				count: channels[i]?.[1] ?? []
			})),
			types
		},
		kdkmp: kdkmpRows
	};
};
