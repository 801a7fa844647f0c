/**
 * Folio's own folders and files (the index cache, the read state) where they may not be what
 * they seem: a folder that cannot be made (one under /proc, a file in the way, no permission), a
 * file grown far past any plausible size, a named pipe or device in a file's place. Each is a
 * one-line reason, never a hang, a crash or a huge read.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openRegularFile} from './safe-open.js';

/** Why a folder or file of folio's own cannot be used; its message is one line. */
export class UnusableError extends Error {}

/**
 * Makes a folder and the folders above it that are missing, one at a time. Throws an
 * UnusableError saying why when it cannot. Unlike `mkdirSync({recursive: true})`, which never
 * returns for a path under /proc, it always ends: each step either makes a folder or fails.
 */
export function makeFolder(folder: string, mode?: number): void {
	const missing: string[] = [];
	let existing = path.resolve(folder);
	for (;;) {
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(existing);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(folder, error);
		}

		if (stat !== undefined) {
			if (!stat.isDirectory()) throw new UnusableError(`cannot make the folder ${folder}: ${existing} is not a folder`);
			break;
		}

		const parent = path.dirname(existing);
		if (parent === existing) throw new UnusableError(`cannot make the folder ${folder}: nothing of its path exists`);
		missing.unshift(existing);
		existing = parent;
	}

	for (const step of missing) {
		try {
			fs.mkdirSync(step, mode === undefined ? undefined : {mode});
		} catch (error) {
			// Made meanwhile by another folio: fine, if it is a folder.
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(step)) continue;
			throw unusable(folder, error);
		}
	}
}

/**
 * The whole content of a file of folio's own, or undefined when it is missing or must not be
 * read: not a regular file (a named pipe, a socket, a device: never waited on), or larger than
 * `maxBytes`, a size no such file reaches (it is then ignored, not parsed).
 */
export function readOwnFile(file: string, maxBytes: number): Buffer | undefined {
	let opened;
	try {
		opened = openRegularFile(file);
	} catch {
		return undefined;
	}

	const {fd, stat} = opened;
	try {
		if (stat.size > maxBytes) return undefined;
		const bytes = Buffer.alloc(stat.size);
		let read = 0;
		while (read < bytes.length) {
			const got = fs.readSync(fd, bytes, read, bytes.length - read, read);
			if (got === 0) break;
			read += got;
		}

		return bytes.subarray(0, read);
	} catch {
		return undefined;
	} finally {
		fs.closeSync(fd);
	}
}

function isFolder(folder: string): boolean {
	try {
		return fs.statSync(folder).isDirectory();
	} catch {
		return false;
	}
}

function unusable(folder: string, error: unknown): UnusableError {
	const {code, message} = error as NodeJS.ErrnoException;
	const reason =
		code === 'ENOENT'
			? 'this place does not take new folders'
			: code === 'EACCES' || code === 'EPERM'
				? 'permission denied'
				: code === 'EROFS'
					? 'read-only file system'
					: code === 'ENOTDIR'
						? 'a part of its path is not a folder'
						: (code ?? String(message).split('\n')[0]);
	return new UnusableError(`cannot make the folder ${folder}: ${reason}`);
}
