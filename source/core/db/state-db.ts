/**
 * The state database: what a person made while reading (read marks, stars, reading positions, the
 * post opened last), for every archive, in one SQLite file in the state folder. Nothing here is
 * ever dropped to be rebuilt: a database this version cannot use is left as it is.
 *
 * Entries are posts as the archive lists them, by path relative to the archive (absolute outside
 * it); archives are told apart by their real path. Every change is its own small transaction, so
 * two folio processes on one archive each add their own marks and neither loses the other's.
 */
import {openDatabase, schemaVersion, setSchemaVersion, type Database} from './database.js';

/** The schema this version writes; a database with a higher number is left alone. */
export const stateSchemaVersion = 1;

/** One archive's state as stored. */
export type ArchiveState = {
	readonly read: readonly string[];
	readonly last: string | undefined;
};

/** The state of the archives, on an open state database. */
export type StateDatabase = {
	/** The number of an archive (by real path), created on first use; `legacy` is carried over once when it is created. */
	readonly archive: (realPath: string, legacy?: () => ArchiveState) => number;
	readonly load: (archive: number) => ArchiveState;
	/** Adds and removes read marks, and sets the post opened last (when given), in one transaction. */
	readonly mark: (archive: number, change: {readonly add: readonly string[]; readonly remove: readonly string[]; readonly last?: string}) => void;
	readonly starred: (archive: number) => string[];
	readonly setStar: (archive: number, entry: string, starred: boolean) => void;
	readonly position: (archive: number, entry: string) => number | undefined;
	/** Every post of the archive whose reading stopped partway (a position above 0), with that position. */
	readonly positions: (archive: number) => Array<[string, number]>;
	readonly setPositions: (archive: number, positions: ReadonlyMap<string, number>) => void;
	readonly close: () => void;
};

const schema = `
CREATE TABLE IF NOT EXISTS archives (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, last TEXT);
CREATE TABLE IF NOT EXISTS marks (archive INTEGER NOT NULL REFERENCES archives(id), entry TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (archive, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stars (archive INTEGER NOT NULL REFERENCES archives(id), entry TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (archive, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS positions (archive INTEGER NOT NULL REFERENCES archives(id), entry TEXT NOT NULL, top INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (archive, entry)) WITHOUT ROWID;
`;

/**
 * Opens (creating) the state database in `file`. Throws with a one-line message when the file is
 * not a database, or was written by a newer folio (it is then not changed).
 */
export function openStateDatabase(file: string): StateDatabase {
	const db = openDatabase(file);
	try {
		db.transaction(() => {
			const version = schemaVersion(db);
			if (version > stateSchemaVersion) throw new Error(`${file} was written by a newer folio (state version ${version}); it is left as it is`);
			db.exec(schema);
			if (version < stateSchemaVersion) setSchemaVersion(db, stateSchemaVersion);
		}).immediate();
	} catch (error) {
		db.close();
		throw error;
	}

	return stateQueries(db);
}

function stateQueries(db: Database) {
	const findArchive = db.prepare<[string], {id: number}>('SELECT id FROM archives WHERE path = ?');
	const addArchive = db.prepare<[string, string | null]>('INSERT INTO archives (path, last) VALUES (?, ?)');
	const selectLast = db.prepare<[number], {last: string | null}>('SELECT last FROM archives WHERE id = ?');
	const setLast = db.prepare<[string, number]>('UPDATE archives SET last = ? WHERE id = ?');
	const selectMarks = db.prepare<[number], {entry: string}>('SELECT entry FROM marks WHERE archive = ?');
	const addMark = db.prepare<[number, string, number]>('INSERT OR IGNORE INTO marks (archive, entry, at) VALUES (?, ?, ?)');
	const removeMark = db.prepare<[number, string]>('DELETE FROM marks WHERE archive = ? AND entry = ?');
	const selectStars = db.prepare<[number], {entry: string}>('SELECT entry FROM stars WHERE archive = ? ORDER BY at, entry');
	const addStar = db.prepare<[number, string, number]>('INSERT OR IGNORE INTO stars (archive, entry, at) VALUES (?, ?, ?)');
	const removeStar = db.prepare<[number, string]>('DELETE FROM stars WHERE archive = ? AND entry = ?');
	const selectPosition = db.prepare<[number, string], {top: number}>('SELECT top FROM positions WHERE archive = ? AND entry = ?');
	const selectPositions = db.prepare<[number], {entry: string; top: number}>('SELECT entry, top FROM positions WHERE archive = ? AND top > 0');
	const putPosition = db.prepare<[number, string, number, number]>('INSERT OR REPLACE INTO positions (archive, entry, top, at) VALUES (?, ?, ?, ?)');

	const archive = db.transaction((realPath: string, legacy?: () => ArchiveState): number => {
		const found = findArchive.get(realPath);
		if (found) return found.id;
		const carried = legacy?.() ?? {read: [], last: undefined};
		const id = Number(addArchive.run(realPath, carried.last ?? null).lastInsertRowid);
		const now = Date.now();
		for (const entry of carried.read) addMark.run(id, entry, now);
		return id;
	});
	const mark = db.transaction((id: number, change: {readonly add: readonly string[]; readonly remove: readonly string[]; readonly last?: string}) => {
		const now = Date.now();
		for (const entry of change.add) addMark.run(id, entry, now);
		for (const entry of change.remove) removeMark.run(id, entry);
		if (change.last !== undefined) setLast.run(change.last, id);
	});
	const setPositions = db.transaction((id: number, positions: ReadonlyMap<string, number>) => {
		const now = Date.now();
		for (const [entry, top] of positions) putPosition.run(id, entry, Math.max(0, Math.trunc(top)), now);
	});

	return {
		archive: (realPath, legacy) => archive.immediate(realPath, legacy),
		load: id => ({read: selectMarks.all(id).map(row => row.entry), last: selectLast.get(id)?.last ?? undefined}),
		mark: (id, change) => mark.immediate(id, change),
		starred: id => selectStars.all(id).map(row => row.entry),
		setStar(id, entry, starred) {
			if (starred) addStar.run(id, entry, Date.now());
			else removeStar.run(id, entry);
		},
		position: (id, entry) => selectPosition.get(id, entry)?.top,
		positions: id => selectPositions.all(id).map(row => [row.entry, row.top]),
		setPositions: (id, positions) => setPositions.immediate(id, positions),
		close: () => db.close(),
	} satisfies StateDatabase;
}
