/** Renders the App with ink-testing-library, with fixtures and spies, and reads the screen. */
import {render} from 'ink-testing-library';
import {App, type AppProps, type ExitReason} from '../../source/ui/app.js';
import {fakeLoadArticle, makePosts, openLinkSpy, tick} from './posts.js';

export type Rendered = ReturnType<typeof render> & {
	readonly links: string[];
	readonly exits: ExitReason[];
	/** Writes to stdin and waits for the next frame (up to about 200 ms more on a busy machine). */
	readonly press: (input: string) => Promise<void>;
	/** The current screen as lines. */
	readonly screen: () => string[];
	/** The selected row of the list (the line with the › marker), if any. */
	readonly selected: () => string | undefined;
	/**
	 * Resolves once `condition` holds, checked now, after every frame drawn, and every 25 ms for
	 * effects (which run after their frame); rejects naming `what`, with the screen, after `timeoutMs`.
	 */
	readonly waitFor: (condition: () => boolean, what: string, timeoutMs?: number) => Promise<void>;
};

/** Keys as a terminal sends them. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	ctrlC: '\u0003',
} as const;

/** The App at 80x24 with 30 posts in three categories, unless told otherwise. */
export async function renderApp(overrides: Partial<AppProps> = {}): Promise<Rendered> {
	const spy = openLinkSpy();
	const exits: ExitReason[] = [];
	const props: AppProps = {
		posts: makePosts(30, ['world', 'business', 'sport']),
		folder: '~/news',
		loadArticle: fakeLoadArticle(100),
		onOpenLink: spy.onOpenLink,
		onExit: reason => exits.push(reason),
		width: 80,
		height: 24,
		...overrides,
	};
	const rendered = render(<App {...props} />);
	// Every frame wakes the waits; ink looks `write` up on each frame, so wrapping it is enough.
	const waiters = new Set<() => void>();
	const stdout = rendered.stdout as unknown as {write: (frame: string) => void};
	const write = stdout.write;
	stdout.write = frame => {
		write(frame);
		for (const wake of [...waiters]) wake();
	};
	await tick();
	const screen = () => (rendered.lastFrame() ?? '').split('\n');
	return {
		...rendered,
		links: spy.calls,
		exits,
		async press(input) {
			const frames = rendered.frames.length;
			rendered.stdin.write(input);
			await tick();
			// On a busy machine a frame can take longer than one tick: wait a little more for it
			// (a key that changes nothing draws no frame, so the wait is bounded).
			for (let waited = 0; waited < 10 && rendered.frames.length === frames; waited++) await tick();
			// Effects (opening a link, quitting) run just after their frame.
			await tick(5);
		},
		screen,
		selected: () => screen().find(line => line.startsWith('›')),
		waitFor: (condition, what, timeoutMs = 10_000) =>
			new Promise<void>((resolve, reject) => {
				const wake = (): void => {
					if (!condition()) return;
					finish();
					resolve();
				};
				const poll = setInterval(wake, 25);
				const timer = setTimeout(() => {
					finish();
					reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${rendered.lastFrame() ?? ''}`));
				}, timeoutMs);
				function finish(): void {
					waiters.delete(wake);
					clearInterval(poll);
					clearTimeout(timer);
				}
				waiters.add(wake);
				wake();
			}),
	};
}
