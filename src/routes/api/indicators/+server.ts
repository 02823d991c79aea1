import { json } from '@sveltejs/kit';
import { DATASETS } from '$lib/catalogue/datasets';
import { INDICATORS, NORMALISATION_LABEL } from '$lib/catalogue/indicators';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json({
		indicators: INDICATORS,
		normalisations: NORMALISATION_LABEL,
		datasets: DATASETS
	});
