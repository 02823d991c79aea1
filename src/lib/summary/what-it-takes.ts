/**
 * "What it would take": the change the focus region needs to reach a target level of an
 * indicator, in the indicator's unit and, where the formula allows, in the fact behind it (how
 * many more members, how much more business volume), everything else held as it is.
 */
import { factDefinition, type FactId } from '$lib/catalogue/datasets';
import { NORMALISER, type Indicator, type Normalisation } from '$lib/catalogue/indicators';
import { isFigure } from './stats';

export interface TakesFacts {
	/** The one fact over the line; empty when the numerator sums several facts. */
	numerator: FactId[];
	/** Facts under the line that are not over it, when the numerator is part of the denominator. */
	remainder: FactId[];
}

/** Which facts the focus region's totals are needed for, to translate a change into facts. */
export function takesFacts(indicator: Indicator): TakesFacts {
	const { numerator, denominator = [] } = indicator.formula;
	if (numerator.length !== 1) return { numerator: [], remainder: [] };
	const fact = numerator[0]!;
	return {
		numerator: [fact],
		remainder: denominator.includes(fact) ? denominator.filter((f) => f !== fact) : []
	};
}

export interface TakesInput {
	indicator: Indicator;
	per: Normalisation;
	current: number | null;
	target: number | null;
	/** The focus region's total of the numerator fact in the same year. */
	numeratorTotal: number | null;
	/** The focus region's total of the remainder facts in the same year. */
	remainderTotal: number | null;
}

/** What stays the same while the numerator moves. */
export type Held = { population: boolean; facts: FactId[] };

export type Takes =
	| { status: 'no-data' }
	| { status: 'reached'; current: number; target: number }
	| {
			status: 'needed';
			current: number;
			target: number;
			/** Target − current, in the indicator's unit. */
			delta: number;
			fact: FactId | null;
			/** The change of `fact` giving the same result; null when it cannot be derived. */
			factDelta: number | null;
			held: Held;
	  };

/** Whole things (cooperatives, members, galleries) are needed in whole numbers, rounded up. */
function wholeUp(value: number): number {
	return Math.sign(value) * Math.ceil(Math.abs(value) - 1e-9);
}

export function whatItTakes(input: TakesInput): Takes {
	const { indicator, per, current, target } = input;
	if (!isFigure(current) || !isFigure(target)) return { status: 'no-data' };
	const reached = indicator.higherIsBetter ? current >= target : current <= target;
	if (reached) return { status: 'reached', current, target };

	const facts = takesFacts(indicator);
	const fact = facts.numerator[0] ?? null;
	const N = input.numeratorTotal;
	let factDelta: number | null = null;
	let held: Held;
	if (fact && facts.remainder.length > 0) {
		// share = N / (N + R) × scale: solve for N with R fixed.
		held = { population: false, facts: facts.remainder };
		const share = target / (indicator.formula.scale ?? 1);
		const R = input.remainderTotal;
		if (isFigure(N) && isFigure(R) && share >= 0 && share < 1) {
			factDelta = (share * R) / (1 - share) - N;
		}
	} else {
		// value = N × (what is held), so N moves in proportion to the value.
		held = {
			population: per === 'population',
			facts: [
				...(indicator.formula.denominator ?? []),
				...(per === 'cooperative' || per === 'member' ? [NORMALISER[per].fact] : [])
			]
		};
		if (fact && isFigure(N) && current !== 0) factDelta = (N * (target - current)) / current;
	}
	if (factDelta !== null && fact && factDefinition(fact).unit !== 'rupiah') {
		factDelta = wholeUp(factDelta);
	}

	return { status: 'needed', current, target, delta: target - current, fact, factDelta, held };
}
