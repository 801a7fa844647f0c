/**
 * folio's output on stdout: every write error ends folio with one line on stderr and status 1,
 * except a closed pipe (`folio ... | head -1`), which is a normal way for a reader to stop (status 0).
 */

/** The reason a write to stdout failed, in words (one line). */
export function describeWriteError(error: NodeJS.ErrnoException): string {
	switch (error.code) {
		case 'ENOSPC':
			return 'no space left on the device';
		case 'EDQUOT':
			return 'disk quota exceeded';
		case 'EFBIG':
			return 'the file is too large';
		case 'EBADF':
			return 'stdout is closed';
		case 'EIO':
			return 'input/output error';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		default:
			return (error.message || 'unknown error').split('\n')[0]!;
	}
}

/** What to do when a write to stdout fails: quietly end with status 0 after a closed pipe, else `fail` with one line. */
export function handleWriteError(error: NodeJS.ErrnoException, fail: (message: string) => never): never {
	if (error.code === 'EPIPE') process.exit(0);
	fail(`cannot write the output: ${describeWriteError(error)}`);
}

/**
 * Writes to stdout and resolves once the text is written (or handed to the system), so that
 * exiting right after cannot hide a failed write; a failure is handled by handleWriteError.
 */
export async function writeStdout(text: string, fail: (message: string) => never): Promise<void> {
	await new Promise<void>(resolve => {
		process.stdout.write(text, error => {
			if (error) handleWriteError(error, fail);
			resolve();
		});
	});
}
