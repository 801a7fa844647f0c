/** Articles prepared on a worker thread: they come in, a crash is one line, a stuck job does not block the next. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, test} from 'node:test';
import {renderArticle} from '../source/core/article.js';
import {parsePost} from '../source/core/parse.js';
import type {Article, Post} from '../source/core/types.js';
import {createArticlePreparer, type ArticlePreparer} from '../source/ui/article-preparer.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-preparer-'));
const preparers: ArticlePreparer[] = [];
after(() => {
	for (const preparer of preparers) preparer.close();
	fs.rmSync(scratch, {recursive: true, force: true});
});

/** The real worker, from its TypeScript source: a worker thread starts without the test's loader, so it registers it first. */
const realWorker = (() => {
	const file = path.join(scratch, 'article-worker.mjs');
	const tsx = import.meta.resolve('tsx/esm/api');
	const source = new URL('../source/article-worker.ts', import.meta.url).href;
	fs.writeFileSync(file, `const {register} = await import(${JSON.stringify(tsx)});\nregister();\nawait import(${JSON.stringify(source)});\n`);
	return pathToFileURL(file);
})();

/** A worker script written for one test: `onMessage` is the body of its message handler (`job`, `port` in scope). */
function workerScript(name: string, onMessage: string): URL {
	const file = path.join(scratch, `${name}.mjs`);
	fs.writeFileSync(file, `import {parentPort as port} from 'node:worker_threads';\nport.on('message', job => {\n${onMessage}\n});\n`);
	return pathToFileURL(file);
}

function postFile(name: string, text: string): Post {
	const file = path.join(scratch, name);
	fs.writeFileSync(file, text);
	return parsePost(text, file, {size: text.length, mtimeMs: 0});
}

/** A preparer on `worker` and a way to wait for its next onReady. */
function preparer(worker: URL, abandonAfterMs?: number) {
	let wake: () => void = () => undefined;
	const made = createArticlePreparer({worker, abandonAfterMs, onReady: () => wake()});
	preparers.push(made);
	const ready = () => {
		const called = new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('onReady was not called within 20 s')), 20_000).unref();
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});
		// A wait asked for but not awaited (the article was already there) is no failure.
		called.catch(() => undefined);
		return called;
	};
	return {made, ready};
}

/** Asks until the article is there (each onReady is a reason to ask again). */
async function articleOf(made: ArticlePreparer, ready: () => Promise<void>, post: Post, width: number, ask: 'article' | 'preview' = 'article'): Promise<Article> {
	for (;;) {
		const next = ready();
		const article = made[ask](post, width);
		if (article !== undefined) return article;
		await next;
	}
}

test('an article asked for comes in from the worker as the core lays it out', async () => {
	const text = '---\ntitle: Worker post\nlink: https://example.org/a\n---\nA paragraph with [a link](https://example.org/b).\n';
	const post = postFile('worker-post.md', text);
	const {made, ready} = preparer(realWorker);
	const next = ready();
	assert.equal(made.article(post, 40), undefined, 'not ready at once: it is prepared elsewhere');
	await next;
	assert.deepEqual(made.article(post, 40), renderArticle(post, text, 40));
});

test('a long post comes in as its beginning first, then whole', async () => {
	const paragraphs = Array.from({length: 400}, (_, index) => `Paragraph ${index} of a long post, with some words to wrap.`).join('\n\n');
	const text = `---\ntitle: Long\n---\n${paragraphs}\n`;
	const post = postFile('long.md', text);
	const {made, ready} = preparer(realWorker);
	const seen: string[] = [];
	for (;;) {
		const next = ready();
		const whole = made.article(post, 60);
		if (whole !== undefined) {
			assert.deepEqual(whole, renderArticle(post, text, 60));
			break;
		}
		if (made.head(post, 60) !== undefined && !seen.includes('head')) seen.push('head');
		await next;
	}
	assert.deepEqual(seen, ['head'], 'the beginning was there before the whole');
	assert.equal(made.head(post, 60), undefined, 'no beginning once the whole is there');
});

test('a post that cannot be read comes back as its one-line reason', async () => {
	const post = postFile('gone.md', '---\ntitle: Gone\n---\nText\n');
	fs.rmSync(post.path);
	const {made, ready} = preparer(realWorker);
	const next = ready();
	assert.equal(made.article(post, 40), undefined);
	await next;
	assert.throws(() => made.article(post, 40), (error: Error) => /^Cannot read .*gone\.md: /.test(error.message) && !error.message.includes('\n'));
});

test('a worker that exits gives a one-line reason, not a hang, and the next post gets a new worker', async () => {
	const worker = workerScript('exits', `if (job.post.title === 'Crash') process.exit(3); port.postMessage({id: job.id, kind: 'whole', article: {lines: [{text: job.post.title}], links: []}});`);
	const {made, ready} = preparer(worker);
	const crash = postFile('crash.md', '---\ntitle: Crash\n---\nText\n');
	const next = ready();
	assert.equal(made.article(crash, 40), undefined);
	await next;
	assert.throws(() => made.article(crash, 40), {message: 'the article could not be prepared: it stopped with code 3'});
	const fine = postFile('fine.md', '---\ntitle: Fine\n---\nText\n');
	assert.deepEqual((await articleOf(made, ready, fine, 40)).lines, [{text: 'Fine'}]);
});

test('an error thrown in the worker gives its first line only', async () => {
	const worker = workerScript('throws', `throw new Error('broken worker\\n    at somewhere (file.js:1:1)');`);
	const {made, ready} = preparer(worker);
	const post = postFile('throws.md', '---\ntitle: Throws\n---\nText\n');
	const next = ready();
	assert.equal(made.article(post, 40), undefined);
	await next;
	assert.throws(() => made.article(post, 40), {message: 'the article could not be prepared: broken worker'});
});

test('a post that runs the worker out of memory gives a one-line reason', async () => {
	const worker = workerScript('hungry', `const kept = []; for (;;) kept.push(new Array(1e6).fill(kept.length));`);
	let wake: () => void = () => undefined;
	const made = createArticlePreparer({worker, maxHeapMb: 32, onReady: () => wake()});
	preparers.push(made);
	const post = postFile('hungry.md', '---\ntitle: Hungry\n---\nText\n');
	const next = new Promise<void>(resolve => {
		wake = resolve;
	});
	assert.equal(made.article(post, 40), undefined);
	await next;
	assert.throws(() => made.article(post, 40), (error: Error) => /^the article could not be prepared: .*memory/.test(error.message) && !error.message.includes('\n'));
});

test('a post that never finishes does not hold up the next one asked for', async () => {
	const worker = workerScript(
		'stuck',
		`if (job.post.title === 'Stuck') for (;;); port.postMessage({id: job.id, kind: 'whole', article: {lines: [{text: job.post.title}], links: []}});`,
	);
	const {made, ready} = preparer(worker, 50);
	const stuck = postFile('stuck.md', '---\ntitle: Stuck\n---\nText\n');
	const next = postFile('next.md', '---\ntitle: Next\n---\nText\n');
	assert.equal(made.article(stuck, 40), undefined);
	assert.deepEqual((await articleOf(made, ready, next, 40)).lines, [{text: 'Next'}]);
	assert.equal(made.article(stuck, 40), undefined, 'the stuck post is still not there (asked for again)');
});

test('a preview asked for while another is prepared waits for it instead of ending the worker; only the latest one waits', async () => {
	// Each job takes 150 ms; a worker started again would lose the first one's result.
	const worker = workerScript(
		'slow',
		`const until = Date.now() + 150; while (Date.now() < until); port.postMessage({id: job.id, kind: 'whole', article: {lines: [{text: job.post.title}], links: []}});`,
	);
	const {made, ready} = preparer(worker, 20);
	const first = postFile('first.md', '---\ntitle: First\n---\nText\n');
	const second = postFile('second.md', '---\ntitle: Second\n---\nText\n');
	const third = postFile('third.md', '---\ntitle: Third\n---\nText\n');
	const firstDone = ready();
	assert.equal(made.preview(first, 40), undefined);
	assert.equal(made.preview(second, 40), undefined);
	assert.equal(made.preview(third, 40), undefined);
	await firstDone;
	assert.deepEqual(made.preview(first, 40)?.lines, [{text: 'First'}], 'the first one was prepared to its end');
	assert.deepEqual((await articleOf(made, ready, third, 40, 'preview')).lines, [{text: 'Third'}]);
	assert.equal(made.preview(second, 40), undefined, 'the one the third took the place of was never prepared');
});
