/**
 * Opening post files without ever waiting on one: a named pipe, socket or device found where a
 * post was expected is refused with a one-line reason instead of being read. The file is opened
 * with O_NONBLOCK (so open(2) returns at once even for a FIFO without a writer) and kept only when
 * fstat(2) says it is a regular file.
 */
import fs from 'node:fs';

const {O_RDONLY, O_NONBLOCK, O_NOCTTY} = fs.constants;
// O_NOCTTY: a terminal device opened by mistake never becomes folio's controlling terminal.
const openFlags = O_RDONLY | (O_NONBLOCK ?? 0) | (O_NOCTTY ?? 0);

/** What a file that is not a regular file (nor a folder) is, in words; undefined for a regular file or a folder. */
export function specialFileKind(entry: Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string | undefined {
	if (entry.isFIFO()) return 'a named pipe (FIFO)';
	if (entry.isSocket()) return 'a socket';
	if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
	return undefined;
}

/** The one-line reason a special file (see specialFileKind) is not read. */
export function specialFileReason(kind: string): string {
	return `${kind}, not a regular file`;
}

/** The error thrown for a path that is not a regular file; its message is the one-line reason. */
export class NotRegularFileError extends Error {
	readonly code = 'ENOTREGULAR';
}

/** An open regular file: its descriptor (close it with fs.closeSync) and its facts at opening. */
export type OpenedFile = {readonly fd: number; readonly stat: fs.Stats};

/**
 * Opens a file for reading only when it is a regular file, never blocking (not even on a FIFO).
 * Throws the Node error (ENOENT, EACCES, ...) when it cannot be opened, or a NotRegularFileError.
 */
export function openRegularFile(filePath: string): OpenedFile {
	const fd = fs.openSync(filePath, openFlags);
	let stat: fs.Stats;
	try {
		stat = fs.fstatSync(fd);
	} catch (error) {
		fs.closeSync(fd);
		throw error;
	}

	if (!stat.isFile()) {
		fs.closeSync(fd);
		throw new NotRegularFileError(stat.isDirectory() ? 'is a folder' : specialFileReason(specialFileKind(stat) ?? 'not a regular file'));
	}

	return {fd, stat};
}

/**
 * Reads at most `maxBytes` from the start of a regular file (see openRegularFile); `size` is the
 * file's whole size, so `bytes.length < size` tells that it was cut.
 */
export function readRegularFile(filePath: string, maxBytes: number): {readonly bytes: Buffer; readonly size: number} {
	const {fd, stat} = openRegularFile(filePath);
	try {
		const length = Math.min(stat.size, maxBytes);
		const bytes = Buffer.alloc(length);
		let read = 0;
		while (read < length) {
			const got = fs.readSync(fd, bytes, read, length - read, read);
			if (got === 0) break;
			read += got;
		}

		return {bytes: bytes.subarray(0, read), size: stat.size};
	} finally {
		fs.closeSync(fd);
	}
}
