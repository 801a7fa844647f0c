#!/usr/bin/env node
/** folio's plain start: the bundle in dist/, loaded module by module. */
import {runFolio} from './folio.js';

await runFolio(process.argv.slice(2), {
	packageFile: new URL('../package.json', import.meta.url),
	loadReader: async () => import('./reader-session.js'),
});
