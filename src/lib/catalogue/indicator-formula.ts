/**
 * An indicator's formula in words, over the stored facts: "koperasi_rat ÷ koperasi_aktif × 100".
 * Read from the catalogue, so the page that explains a figure cannot drift from what computes it.
 */
import { datasetOfFact, type DatasetKind, type FactId } from './datasets';
import { NORMALISER, type Indicator, type Normalisation } from './indicators';

const sum = (facts: readonly FactId[]) =>
	facts.length > 1 ? `(${facts.join(' + ')})` : (facts[0] ?? '');

export function formulaText(indicator: Indicator): string {
	const { numerator, denominator, scale } = indicator.formula;
	let text = sum(numerator);
	if (denominator) text = `${text} ÷ ${sum(denominator)}`;
	if (scale && scale !== 1) text = `${text} × ${scale}`;
	return text;
}

/** What a normalisation does to the value: "× 100000 ÷ jumlah_penduduk". */
export function normalisationText(per: Normalisation): string | null {
	if (per === 'total') return null;
	const { per: times, fact } = NORMALISER[per];
	return times === 1 ? `÷ ${fact}` : `× ${times} ÷ ${fact}`;
}

/** The datasets whose facts feed the indicator under any of its normalisations. */
export function datasetsOf(indicator: Indicator): DatasetKind[] {
	const facts = new Set<FactId>([
		...indicator.formula.numerator,
		...(indicator.formula.denominator ?? []),
		...indicator.normalisations.flatMap((per) => (per === 'total' ? [] : [NORMALISER[per].fact]))
	]);
	return [...new Set([...facts].map((fact) => datasetOfFact(fact).kind))];
}
