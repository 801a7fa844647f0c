/** Reading a post's whole file as text (for the reader and full-text search); no cleaning or layout here. */
import fs from 'node:fs';
import {decodeBytes} from './decode.js';
import {describeFileError} from './parse.js';

/** Bodies longer than this (in characters) are cut before cleaning, with a note, so memory stays bounded. */
export const maxBodyChars = 2_000_000;

/** Reads a post's whole file as text. Throws an Error with a one-line message when it cannot. */
export function readPostText(filePath: string): string {
	let bytes: Buffer;
	try {
		const fd = fs.openSync(filePath, 'r');
		try {
			const size = fs.fstatSync(fd).size;
			// Four bytes a character at most: enough to hold maxBodyChars plus the front matter.
			const length = Math.min(size, maxBodyChars * 4 + 1024 * 1024);
			bytes = Buffer.alloc(length);
			const read = fs.readSync(fd, bytes, 0, length, 0);
			bytes = bytes.subarray(0, read);
			return decodeBytes(bytes, read === size).text;
		} finally {
			fs.closeSync(fd);
		}
	} catch (error) {
		throw new Error(`Cannot read ${filePath}: ${describeFileError(error)}`);
	}
}
