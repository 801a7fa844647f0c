// Turns dist/snapshot.cjs into dist/folio.blob, a start-up snapshot for the node running this
// script (a snapshot works only in the exact node that made it), and notes that node's size in
// dist/folio.blob.node: bin/folio uses the snapshot only with a node of that size, else it starts
// the plain bundle. Run by the build, and after an install from a package (for the installing
// node); without dist/snapshot.cjs (a fresh clone before its first build) it does nothing.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** Builds the snapshot in `dist`; says why not when it cannot. */
export function buildSnapshot(dist) {
	const script = path.join(dist, 'snapshot.cjs');
	const blob = path.join(dist, 'folio.blob');
	const stamp = path.join(dist, 'folio.blob.node');
	const partial = `${blob}.partial`;
	fs.rmSync(stamp, {force: true});
	const made = spawnSync(process.execPath, ['--snapshot-blob', partial, '--build-snapshot', script], {encoding: 'utf8'});
	if (made.status !== 0) {
		fs.rmSync(partial, {force: true});
		// Node's own warnings come first; the line that names the failure is the one to show.
		const lines = (made.stderr || made.error?.message || '').split('\n').map(line => line.trim());
		const reason = lines.find(line => /error|failed|not serialized|cannot/i.test(line)) ?? lines.find(Boolean) ?? `exit ${made.status}`;
		return {ok: false, reason};
	}

	// Renamed only once whole: a half-written snapshot would crash node.
	fs.renameSync(partial, blob);
	fs.writeFileSync(stamp, `${fs.statSync(process.execPath).size} ${process.version} ${process.execPath}\n`);
	return {ok: true};
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
	if (fs.existsSync(path.join(dist, 'snapshot.cjs'))) {
		const made = buildSnapshot(dist);
		// An install goes on without it: folio then starts from the plain bundle.
		if (!made.ok) console.warn(`folio: no start-up snapshot (${made.reason})`);
	}
}
