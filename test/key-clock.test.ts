/** The clock of the last key that background work gives way to (core/key-clock.ts). */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Worker} from 'node:worker_threads';
import {createKeyClock, isReading, noteKey, noteReading, sinceLastKey, waitForQuiet} from '../source/core/key-clock.js';

test('before any key, work never waits; after one, it waits until the keys have stopped for the time asked', () => {
	const clock = createKeyClock();
	assert.equal(sinceLastKey(clock), Number.POSITIVE_INFINITY);
	waitForQuiet(clock, 60_000);
	noteKey(clock);
	const started = Date.now();
	waitForQuiet(clock, 150);
	assert.ok(Date.now() - started >= 140, `waited ${Date.now() - started} ms`);
	assert.ok(sinceLastKey(clock) >= 140);
});

test('work the list shows waits only while an article fills the screen', () => {
	const clock = createKeyClock();
	noteKey(clock);
	assert.equal(isReading(clock), false);
	const started = Date.now();
	// The list is shown: a minute of quiet is not waited for.
	waitForQuiet(clock, 60_000, {whileReading: true});
	assert.ok(Date.now() - started < 30_000);
	noteReading(clock, true);
	assert.equal(isReading(clock), true);
	noteKey(clock);
	const reading = Date.now();
	waitForQuiet(clock, 150, {whileReading: true});
	assert.ok(Date.now() - reading >= 140, `waited ${Date.now() - reading} ms`);
});

test('a worker thread sees the keys noted on the main thread and goes on once they stop', async () => {
	const clock = createKeyClock();
	noteKey(clock);
	const worker = new Worker(
		`const {parentPort, workerData} = require('node:worker_threads');
		const view = new BigInt64Array(workerData);
		const sleeper = new Int32Array(new SharedArrayBuffer(4));
		// The same rule as waitForQuiet, in a plain script: no key for 1 s.
		while (Date.now() - Number(Atomics.load(view, 0)) < 1000) Atomics.wait(sleeper, 0, 0, 20);
		parentPort.postMessage(Date.now());`,
		{eval: true, workerData: clock},
	);
	let typing = true;
	let lastKey = Date.now();
	const keys = setInterval(() => {
		if (!typing) return;
		lastKey = Date.now();
		noteKey(clock, lastKey);
	}, 50);
	setTimeout(() => {
		typing = false;
	}, 600);
	const resumedAt = await new Promise<number>(resolve => worker.once('message', resolve));
	clearInterval(keys);
	await worker.terminate();
	assert.equal(typing, false, 'the worker went on while keys still came');
	assert.ok(resumedAt >= lastKey + 900, `resumed ${resumedAt - lastKey} ms after the last key`);
});
