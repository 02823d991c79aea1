import { describe, expect, it } from 'vitest';
import {
	changeState,
	DEFAULT_STATE,
	PARAM,
	readDataState,
	readState,
	stateSearch,
	writeState,
	type ExplorerState
} from './url-state';

const roundTrip = (state: ExplorerState) => readState(writeState(state)).state;

/** For every field, a change that makes it differ from the default (with what it needs). */
const CHANGES: { [K in keyof ExplorerState]: Partial<ExplorerState> & Pick<ExplorerState, K> } = {
	view: { view: 'peta' },
	indicator: { indicator: 'kepatuhan_rat' },
	per: { indicator: 'koperasi_aktif', per: 'member' },
	from: { from: 2019 },
	to: { to: 2024 },
	year: { year: 2022 },
	regions: { regions: ['*', '32.*', '19.01'] },
	focus: { focus: '19.71' },
	benchmark: { benchmark: null },
	indicatorY: { indicatorY: 'aset' },
	perY: { perY: 'cooperative' },
	selected: { selected: ['32.73', '32.01'] },
	sort: { sort: { column: 2023, descending: true } },
	search: { search: 'bandung barat' },
	synthetic: { synthetic: true }
};
const ALL_CHANGES: ExplorerState = Object.assign({ ...DEFAULT_STATE }, ...Object.values(CHANGES));

describe('URL state', () => {
	it('writes nothing for the default view', () => {
		expect(writeState(DEFAULT_STATE).toString()).toBe('');
		expect(readState(new URLSearchParams()).state).toEqual(DEFAULT_STATE);
	});

	for (const [field, change] of Object.entries(CHANGES)) {
		it(`round-trips ${field}`, () => {
			const state = { ...DEFAULT_STATE, ...change };
			expect(state[field as keyof ExplorerState]).not.toEqual(
				DEFAULT_STATE[field as keyof ExplorerState]
			);
			expect(writeState(state).toString()).not.toBe('');
			expect(roundTrip(state)).toEqual(state);
		});
	}

	it('round-trips every field changed at once, and the link reads back the same', () => {
		const state = ALL_CHANGES;
		expect(roundTrip(state)).toEqual(state);
		const search = stateSearch(state, 'en');
		expect(search).toContain('wilayah=*,32.*,19.01');
		expect(search).toContain('lang=en');
		expect(readState(new URLSearchParams(search)).state).toEqual(state);
		expect(writeState(roundTrip(state)).toString()).toBe(writeState(state).toString());
	});

	it('round-trips an empty region set, ascending sorts and name sorts', () => {
		for (const sort of [
			{ column: 'nama' as const, descending: false },
			{ column: 'kode' as const, descending: true },
			{ column: 2018, descending: false }
		]) {
			const state = { ...DEFAULT_STATE, regions: [], sort };
			expect(roundTrip(state)).toEqual(state);
		}
	});

	it('leaves out a normalisation that is the indicator default', () => {
		const params = writeState({ ...DEFAULT_STATE, indicator: 'jumlah_umkm', per: 'population' });
		expect(params.has(PARAM.per)).toBe(false);
		expect(readState(params).state.per).toBe('population');
	});

	it('keeps the sintetis choice in every link once it is stated, either way', () => {
		expect(writeState({ ...DEFAULT_STATE, synthetic: false }).toString()).toBe(
			'sintetis=sembunyikan'
		);
		expect(readState(new URLSearchParams('sintetis=tampilkan')).state.synthetic).toBe(true);
		expect(readState(new URLSearchParams('sintetis=x')).state.synthetic).toBeNull();
	});

	it('falls back to defaults for what it cannot read, and says which', () => {
		const { state, ignored } = readState(
			new URLSearchParams(
				'tampilan=kue&indikator=nope&per=member&dari=20x&sampai=1999&tahun=2020&wilayah=32.*,Bekasi&fokus=3216&pilih=32.73,x&urut=harga'
			)
		);
		expect(state).toEqual({ ...DEFAULT_STATE, year: 2020, selected: ['32.73'] });
		expect(ignored.sort()).toEqual(
			['tampilan', 'indikator', 'per', 'dari', 'sampai', 'wilayah', 'fokus', 'pilih', 'urut'].sort()
		);
	});

	it('refuses a normalisation the indicator does not allow', () => {
		const { state, ignored } = readState(
			new URLSearchParams('indikator=kepatuhan_rat&per=population')
		);
		expect(state.per).toBe('total');
		expect(ignored).toEqual(['per']);
	});

	it('ignores a reversed range', () => {
		const { state, ignored } = readState(new URLSearchParams('dari=2024&sampai=2020'));
		expect([state.from, state.to]).toEqual([null, null]);
		expect(ignored).toEqual(['dari', 'sampai']);
	});

	it('reads only the data parameters for the load', () => {
		const asked: string[] = [];
		const params = new URLSearchParams('tampilan=peta&pilih=32.73&indikator=aset');
		const spy = { get: (name: string) => (asked.push(name), params.get(name)) };
		expect(readDataState(spy as URLSearchParams).state.indicator).toBe('aset');
		expect(asked).not.toContain(PARAM.view);
		expect(asked).not.toContain(PARAM.selected);
		expect(asked).not.toContain(PARAM.year);
	});
});

describe('changeState', () => {
	it('keeps the normalisation when the new indicator allows it, else takes its default', () => {
		const perResident = { ...DEFAULT_STATE, indicator: 'jumlah_umkm', per: 'population' as const };
		expect(changeState(perResident, { indicator: 'koperasi_aktif' }).per).toBe('population');
		expect(changeState(perResident, { indicator: 'kepatuhan_rat' }).per).toBe('total');
		expect(changeState(DEFAULT_STATE, { indicatorY: 'kepatuhan_rat' }).perY).toBe('total');
	});

	it('puts a range in order and drops a year outside it', () => {
		const next = changeState({ ...DEFAULT_STATE, year: 2019 }, { from: 2024, to: 2021 });
		expect([next.from, next.to, next.year]).toEqual([2021, 2024, null]);
		expect(changeState({ ...DEFAULT_STATE, year: 2022 }, { from: 2021 }).year).toBe(2022);
	});
});
