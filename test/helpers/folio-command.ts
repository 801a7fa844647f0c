/** How the tests start folio: as installed (bin/folio), with the node running the tests. */
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The `folio` command as installed: a Node script that runs the built bundle. */
export const folioCommand = path.join(root, 'bin', 'folio');
/** PATH with the node running the tests first: the node bin/folio starts. */
export const pathWithThisNode = `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`;
