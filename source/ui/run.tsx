import process from 'node:process';
import {render, useInput, useStdout, type Instance} from 'ink';
import {useState} from 'react';
import {sanitizeLine} from '../core/sanitize.js';
import {App, type AppProps, type ExitReason} from './app.js';
import {createTerminalControl, terminalModes, type TerminalControl} from './terminal-handoff.js';

const {enterAlternateScreen, leaveAlternateScreen, hideCursor, showCursor} = terminalModes;

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
 *
 * `props` may be made from the terminal's hand-off (to run a browser, a pager or an editor in the
 * foreground). Ctrl+Z suspends folio as a shell job on every screen, and `fg` brings it back.
 */
export async function runApp(
	props: AppProps | ((terminal: TerminalControl) => AppProps),
	update?: (publish: (changes: Partial<AppProps>) => void) => Promise<Partial<AppProps> | undefined>,
): Promise<void> {
	const {stdout, stderr} = process;
	let instance: Instance | undefined;
	let reason: ExitReason | undefined;
	let restored = false;
	// Paints the current frame again (ink's own write: it erases its frame, writes, then repaints it whole).
	let repaint: (data: string) => void = () => undefined;
	const terminal = createTerminalControl({stdin: process.stdin, stdout, redraw: () => repaint('')});
	const initialProps = typeof props === 'function' ? props(terminal) : props;

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
		[
			'SIGINT',
			() => {
				// Ctrl+C typed while a browser or pager had the terminal was for it, not for folio.
				if (!terminal.interruptWasForProgram()) onSignal(exitCodes.interrupt)();
			},
		],
		// Continued after being stopped from outside (or with a program in the foreground): the screen comes back.
		[
			'SIGCONT',
			() => {
				if (!restored) terminal.continued();
			},
		],
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
						initialProps.onExit?.(exitReason);
					}}
				/>
				<TerminalKeys
					onWrite={write => {
						repaint = write;
					}}
					onSuspend={() => terminal.suspend()}
				/>
				{process.env['FOLIO_TEST_CRASH'] === '1' && <CrashForTests />}
			</>
		);
		// Ink draws at most every 1000/maxFps ms: a key pressed just after another frame (a progress
		// note in the header) waits that long. At 30 (Ink's default) that is up to 33 ms a key.
		instance = render(app(initialProps), {exitOnCtrlC: false, maxFps: 120});
		// After the first frame: `update` (e.g. checking the files behind a cached list) may bring new props.
		if (update) {
			let current = initialProps;
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
 * Ctrl+Z on any screen suspends folio (in raw mode the terminal sends it as a key, not a signal);
 * also hands ink's own write to the runner, which repaints the whole frame with it.
 */
function TerminalKeys({onWrite, onSuspend}: {readonly onWrite: (write: (data: string) => void) => void; readonly onSuspend: () => void}): null {
	const {write} = useStdout();
	onWrite(write);
	useInput((input, key) => {
		if (key.ctrl && input === 'z') onSuspend();
	});
	return null;
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
