import process from 'node:process';
import {render, type Instance} from 'ink';
import {sanitizeLine} from '../core/sanitize.js';
import {App, type AppProps, type ExitReason} from './app.js';

const enterAlternateScreen = '\u001B[?1049h';
const leaveAlternateScreen = '\u001B[?1049l';
const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';

/** Exit codes runApp uses. */
export const exitCodes = {quit: 0, interrupt: 130, hangup: 129, terminate: 143, software: 70} as const;

/**
 * Runs the interactive reader on the terminal (process.stdin/stdout) in the alternate screen and
 * resolves when the person quits, with the terminal restored (main screen, cursor shown) and
 * `process.exitCode` set: 0 after q, 130 after Ctrl+C. SIGTERM, SIGHUP and SIGINT restore the
 * terminal and exit at once (143, 129, 130); an uncaught error in the UI restores it, prints one
 * line to stderr and exits with 70. Call it only when stdin and stdout are terminals.
 */
export async function runApp(props: AppProps): Promise<void> {
	const {stdout, stderr} = process;
	let instance: Instance | undefined;
	let reason: ExitReason | undefined;
	let restored = false;

	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			instance?.unmount();
		} catch {
			// The UI is going away regardless; the terminal still has to be restored.
		}
		try {
			stdout.write(leaveAlternateScreen + showCursor);
		} catch {
			// Nothing more can be done for a closed terminal.
		}
	};

	const fail = (error: unknown) => {
		restore();
		const message = sanitizeLine(String(error instanceof Error ? error.message : error).split('\n')[0] ?? '');
		stderr.write(`folio: ${message || 'unexpected error'}\n`);
		process.exit(exitCodes.software);
	};

	const onSignal = (code: number) => () => {
		restore();
		process.exit(code);
	};

	const handlers: Array<[string, (...args: any[]) => void]> = [
		['SIGTERM', onSignal(exitCodes.terminate)],
		['SIGHUP', onSignal(exitCodes.hangup)],
		['SIGINT', onSignal(exitCodes.interrupt)],
		['uncaughtException', fail],
		['unhandledRejection', fail],
	];
	for (const [event, handler] of handlers) process.on(event, handler);

	stdout.write(enterAlternateScreen + hideCursor);
	try {
		instance = render(
			<App
				{...props}
				onExit={exitReason => {
					reason = exitReason;
					props.onExit?.(exitReason);
				}}
			/>,
			{exitOnCtrlC: false},
		);
		await instance.waitUntilExit();
	} catch (error) {
		fail(error);
	} finally {
		for (const [event, handler] of handlers) process.off(event, handler);
		restore();
	}
	process.exitCode = reason === 'interrupt' ? exitCodes.interrupt : exitCodes.quit;
}
