import {spawn} from 'node:child_process';
import {checkLink, describeLink} from './core/links.js';

/** Where to find the user's browser choice (tests pass their own), and how to run it. */
export type OpenLinkOptions = {
	readonly env?: NodeJS.ProcessEnv;
	/**
	 * Runs `$BROWSER` in the foreground with the terminal, to its end, and returns a one-line
	 * message when it could not start or did not exit with 0. Without it, `$BROWSER` starts detached.
	 */
	readonly runInForeground?: (command: string, args: readonly string[]) => string | undefined;
};

/**
 * Opens an http(s) link in the user's browser and resolves with a status message. With `$BROWSER`
 * set, its first command runs with the URL as one argument (no shell), in the foreground when
 * `runInForeground` is given; otherwise the platform opener starts detached. Rejects with a
 * one-line Error for any other link, when nothing could be started, or when the browser failed.
 */
export async function openLink(link: string | undefined, options: OpenLinkOptions = {}): Promise<string> {
	const check = checkLink(link);
	if (!check.ok) throw new Error(check.reason);
	const env = options.env ?? process.env;
	const browser = (env['BROWSER'] ?? '').split(':')[0]!.trim();
	if (browser) {
		const [command, ...args] = browser.split(/\s+/);
		const withUrl = args.some(arg => arg.includes('%s')) ? args.map(arg => arg.replaceAll('%s', check.url)) : [...args, check.url];
		const failure = options.runInForeground ? options.runInForeground(command!, withUrl) : await startDetached(command!, withUrl);
		if (failure !== undefined) throw new Error(failure);
	} else {
		const {default: open} = await import('open');
		try {
			const child = await open(check.url);
			child.on('error', () => {});
		} catch (error) {
			throw new Error(`Could not start a browser: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
		}
	}

	return `Opened ${describeLink(check.url)}`;
}

/** Starts a program without a shell, without waiting for it, its output discarded. */
async function startDetached(command: string, args: string[]): Promise<undefined> {
	return new Promise<undefined>((resolve, reject) => {
		const child = spawn(command, args, {detached: true, stdio: 'ignore', shell: false});
		child.once('error', error => {
			reject(new Error(`Could not start $BROWSER (${describeLink(command, 30)}): ${(error as NodeJS.ErrnoException).code ?? error.message}`));
		});
		child.once('spawn', () => {
			child.unref();
			resolve(undefined);
		});
	});
}
