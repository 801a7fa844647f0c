import process from 'node:process';
import {render, useInput, type Instance} from 'ink';
import {useState} from 'react';
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
 *
 * `update` starts right after the first frame: it may change props any number of times through
 * `publish`, and once more with what it resolves with.
 */
export async function runApp(
	props: AppProps,
	update?: (publish: (changes: Partial<AppProps>) => void) => Promise<Partial<AppProps> | undefined>,
): Promise<void> {
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
			if (process.stdin.isTTY) process.stdin.setRawMode(false);
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

	const handlers: Array<[string, (...args: unknown[]) => void]> = [
		['SIGTERM', onSignal(exitCodes.terminate)],
		['SIGHUP', onSignal(exitCodes.hangup)],
		['SIGINT', onSignal(exitCodes.interrupt)],
		['uncaughtException', fail],
		['unhandledRejection', fail],
	];
	for (const [event, handler] of handlers) process.on(event, handler);

	stdout.write(enterAlternateScreen + hideCursor);
	// Raw mode from the start, not only once ink reads input after its first frame: keys typed in
	// between are neither echoed nor line-buffered, and Ctrl+C stays a key the app handles.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	try {
		const app = (current: AppProps) => (
			<>
				<App
					{...current}
					onExit={exitReason => {
						reason = exitReason;
						props.onExit?.(exitReason);
					}}
				/>
				{process.env['FOLIO_TEST_CRASH'] === '1' && <CrashForTests />}
			</>
		);
		instance = render(app(props), {exitOnCtrlC: false});
		// After the first frame: `update` (e.g. checking the files behind a cached list) may bring new props.
		if (update) {
			let current = props;
			const publish = (changes: Partial<AppProps>) => {
				if (restored) return;
				current = {...current, ...changes};
				instance?.rerender(app(current));
			};
			setImmediate(() => {
				update(publish).then(
					changes => {
						if (changes !== undefined) publish(changes);
					},
					() => undefined,
				);
			});
		}
		await instance.waitUntilExit();
	} catch (error) {
		fail(error);
	} finally {
		for (const [event, handler] of handlers) process.off(event, handler);
		restore();
	}
	process.exitCode = reason === 'interrupt' ? exitCodes.interrupt : exitCodes.quit;
}

/**
 * Exists only for the end-to-end tests, which check that an unexpected error still restores the
 * terminal: with FOLIO_TEST_CRASH=1 in the environment, `!` throws while rendering and `@` throws
 * from a timer (an uncaught exception). Without that variable it is never rendered.
 */
function CrashForTests(): null {
	const [crash, setCrash] = useState(false);
	useInput(input => {
		if (input === '!') setCrash(true);
		if (input === '@') {
			setTimeout(() => {
				throw new Error('crash from a timer (FOLIO_TEST_CRASH)');
			}, 0);
		}
	});
	if (crash) throw new Error('crash while rendering (FOLIO_TEST_CRASH)');
	return null;
}
