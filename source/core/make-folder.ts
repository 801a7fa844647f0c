import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes a folder and the missing folders above it, one level at a time (Node's own recursive
 * mkdir never returns on some system folders, such as a path under /proc). Throws an Error with a
 * one-line message when it cannot be made or something that is not a folder is in the way.
 */
export function makeFolder(folder: string, mode = 0o700): void {
	const missing: string[] = [];
	let current = path.resolve(folder);
	for (;;) {
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(current, {throwIfNoEntry: false});
		} catch (error) {
			throw new Error(`cannot make ${folder}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
		}

		if (stat !== undefined) {
			if (!stat.isDirectory()) throw new Error(`cannot make ${folder}: ${current} is not a folder`);
			break;
		}

		missing.unshift(current);
		const parent = path.dirname(current);
		if (parent === current) break;
		current = parent;
	}

	for (const level of missing) {
		try {
			fs.mkdirSync(level, {mode});
		} catch (error) {
			const {code} = error as NodeJS.ErrnoException;
			if (code === 'EEXIST' && fs.statSync(level, {throwIfNoEntry: false})?.isDirectory()) continue;
			throw new Error(`cannot make ${folder}: ${code ?? 'error'}`);
		}
	}
}
