import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after} from 'node:test';

const made: string[] = [];
after(() => {
	for (const folder of made) {
		// Restore permissions changed by tests so the folder can be removed.
		try {
			for (const file of fs.readdirSync(folder, {recursive: true}) as string[]) fs.chmodSync(path.join(folder, file), 0o755);
		} catch {}

		fs.rmSync(folder, {recursive: true, force: true});
	}
});

/** Writes files (relative path -> text or bytes) into a new temporary folder, removed after the tests. */
export function makeArchive(files: Record<string, string | Uint8Array>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-test-'));
	made.push(root);
	for (const [name, content] of Object.entries(files)) {
		const full = path.join(root, name);
		fs.mkdirSync(path.dirname(full), {recursive: true});
		fs.writeFileSync(full, content);
	}

	return root;
}
