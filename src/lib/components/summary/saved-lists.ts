/**
 * Hand-picked peer lists kept in this browser under a name. The URL stays the truth (a link
 * carries its list); saving only spares retyping. Storage may be missing or full: then nothing
 * is saved and nothing fails.
 */

export interface SavedList {
	name: string;
	codes: string[];
}

const KEY = 'dasbor-koperasi:daftar-sejawat';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** Only well-formed entries survive: the storage is shared with whatever else ran here. */
export function parseSavedLists(text: string | null): SavedList[] {
	if (!text) return [];
	try {
		const value: unknown = JSON.parse(text);
		if (!Array.isArray(value)) return [];
		return value.filter(
			(item): item is SavedList =>
				typeof item === 'object' &&
				item !== null &&
				typeof item.name === 'string' &&
				Array.isArray(item.codes) &&
				item.codes.every((c: unknown) => typeof c === 'string')
		);
	} catch {
		return [];
	}
}

export function readSavedLists(): SavedList[] {
	return parseSavedLists(storage()?.getItem(KEY) ?? null);
}

/** Saves under `name`, replacing a list of the same name; returns the lists now saved. */
export function saveList(list: SavedList): SavedList[] {
	const lists = [list, ...readSavedLists().filter((l) => l.name !== list.name)];
	write(lists);
	return lists;
}

export function deleteList(name: string): SavedList[] {
	const lists = readSavedLists().filter((l) => l.name !== name);
	write(lists);
	return lists;
}

function write(lists: SavedList[]) {
	try {
		storage()?.setItem(KEY, JSON.stringify(lists));
	} catch {
		// Full or forbidden storage: the list stays in the URL only.
	}
}
