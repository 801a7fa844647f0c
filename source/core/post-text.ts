/** Reading a post's whole file as text (for the reader and full-text search); no cleaning or layout here. */
import {decodeBytes} from './decode.js';
import {describeFileError} from './parse.js';
import {readRegularFile} from './safe-open.js';

/** Bodies longer than this (in characters) are cut before cleaning, with a note, so memory stays bounded. */
export const maxBodyChars = 2_000_000;

/**
 * Reads a post's whole file as text. Throws an Error with a one-line message when it cannot,
 * and without waiting when the path is now a named pipe, socket or device.
 */
export function readPostText(filePath: string): string {
	try {
		// Four bytes a character at most: enough to hold maxBodyChars plus the front matter.
		const {bytes, size} = readRegularFile(filePath, maxBodyChars * 4 + 1024 * 1024);
		return decodeBytes(bytes, bytes.length === size).text;
	} catch (error) {
		throw new Error(`Cannot read ${filePath}: ${describeFileError(error)}`);
	}
}
