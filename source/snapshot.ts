/**
 * folio's prepared start: built into a V8 start-up snapshot (`node --build-snapshot`, see
 * scripts/build.js), so the modules a print or list needs are already loaded and laid out when
 * the process starts, instead of being read, compiled and run each time.
 *
 * Everything here runs once, when the snapshot is built, except the function given to
 * setDeserializeMainFunction, which runs at every start. No module may read the terminal, the
 * environment or the clock while it loads (that would be frozen at build time).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import {warmUp} from './core/article.js';
import {runFolio} from './folio.js';
import type {ReaderSession} from './reader-session.js';

// A console restored from a snapshot has no `Console` class, which ink uses to catch what the
// screens log; the class is kept from build time and put back at start.
const consoleClass = console.Console;

// Lays out a sample post now, so its code is compiled and its tables built in the snapshot.
warmUp();

/** The folder of the snapshot file (dist/), from the `--snapshot-blob` node was given. */
function snapshotFolder(): string {
	const at = process.execArgv.findIndex(argument => argument === '--snapshot-blob' || argument.startsWith('--snapshot-blob='));
	const given = at < 0 ? undefined : process.execArgv[at]!.includes('=') ? process.execArgv[at]!.split('=').slice(1).join('=') : process.execArgv[at + 1];
	if (!given) throw new Error('started without --snapshot-blob');
	return path.dirname(path.resolve(given));
}

v8.startupSnapshot.setDeserializeMainFunction(() => {
	if (typeof console.Console !== 'function') console.Console = consoleClass;
	const dist = snapshotFolder();
	// Code in a snapshot cannot use import(); a CommonJS helper next to it can. The reader's
	// screens (ink, react) are ES modules with top-level await, so they load from the bundle.
	const importModule = createRequire(path.join(dist, 'snapshot.cjs'))('./import-module.cjs') as (url: string) => Promise<unknown>;
	// In a snapshot, argv has no script: the arguments start at index 1.
	void runFolio(process.argv.slice(1), {
		packageFile: path.join(dist, '..', 'package.json'),
		loadReader: async () =>
			importModule(pathToFileURL(path.join(dist, 'reader-session.js')).href) as Promise<{openReader: (session: ReaderSession) => Promise<void>}>,
	});
});
