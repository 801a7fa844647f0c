/**
 * When a person last typed, shared with worker threads: background work that can wait (writing
 * the search text of an archive) gives the machine to the reader while keys come in. The clock is
 * a SharedArrayBuffer, so a worker busy in synchronous work can read it without messages.
 */

/**
 * The shared memory of a key clock: the time (ms since the epoch) of the last key, and whether
 * an article fills the screen (1), so the list behind it is not seen growing.
 */
export type KeyClock = SharedArrayBuffer;

/** A new clock (no key yet, the list shown). */
export function createKeyClock(): KeyClock {
	return new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** Notes whether an article fills the screen now. */
export function noteReading(clock: KeyClock, reading: boolean): void {
	Atomics.store(new BigInt64Array(clock), 1, reading ? 1n : 0n);
}

/** Whether an article fills the screen. */
export function isReading(clock: KeyClock): boolean {
	return Atomics.load(new BigInt64Array(clock), 1) === 1n;
}

/** Notes that a key came in now. */
export function noteKey(clock: KeyClock, now = Date.now()): void {
	Atomics.store(new BigInt64Array(clock), 0, BigInt(Math.round(now)));
}

/** How long ago the last key came in (ms); Infinity before the first. */
export function sinceLastKey(clock: KeyClock, now = Date.now()): number {
	const last = Atomics.load(new BigInt64Array(clock), 0);
	return last === 0n ? Number.POSITIVE_INFINITY : now - Number(last);
}

/**
 * Blocks the calling thread (a worker: the main thread must never call it) until no key came in
 * for `quietMs`, so that work does not compete with the reader for the CPU (on two cores, even
 * a thread of the lowest priority slows the reader's). With `whileReading`, only while an article
 * fills the screen: work the list shows (its growing) goes on while the list is used.
 */
export function waitForQuiet(clock: KeyClock, quietMs: number, {whileReading = false} = {}): void {
	const sleeper = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
	for (;;) {
		if (whileReading && !isReading(clock)) return;
		const wait = quietMs - sinceLastKey(clock);
		if (wait <= 0) return;
		Atomics.wait(sleeper, 0, 0, whileReading ? Math.min(wait, 50) : wait);
	}
}
