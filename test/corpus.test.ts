/**
 * Real archives, when they sit beside the repository in ../shared/corpus: every post loads or is
 * skipped with a reason, and no article row is wider than the width. Skipped when absent.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {loadArticle} from '../source/core/article.js';
import {loadArchive} from '../source/core/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const present = fs.existsSync(corpus);
const skip = present ? false : `no corpus at ${corpus}; these tests need the shared news archives`;
const folders = present ? fs.readdirSync(corpus).filter(name => fs.statSync(path.join(corpus, name)).isDirectory()) : [];

/** Post files counted independently of the loader: post extensions, and .txt files that open with front matter. */
function countPostFiles(folder: string): number {
	let count = 0;
	for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
		if (entry.name.startsWith('.')) continue;
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) count += countPostFiles(full);
		else if (/\.(md|markdown|html?)$/i.test(entry.name)) count++;
		else if (/\.txt$/i.test(entry.name) && /^(\uFEFF)?(---|\+\+\+)/.test(fs.readFileSync(full, 'utf8').slice(0, 8))) count++;
	}
	return count;
}

describe('real archives', {skip}, () => {
	test('the corpus has both archives', () => {
		assert.ok(folders.length >= 2, folders.join(', '));
	});

	for (const name of folders) {
		test(`${name}: every post file is loaded or skipped with a reason; loaded posts have titles`, () => {
			const folder = path.join(corpus, name);
			const {posts, skipped} = loadArchive(folder);
			assert.equal(posts.length + skipped.length, countPostFiles(folder));
			for (const entry of skipped) assert.match(entry.reason, /^\S.*$/, 'one-line reason');
			for (const post of posts) assert.notEqual(post.title.trim(), '', post.path);
			const undated = posts.filter(post => post.date === undefined).length;
			assert.ok(undated / posts.length < 0.01, `${undated} undated posts`);
			console.log(`# ${name}: ${posts.length} loaded, ${skipped.length} skipped`);
		});

		test(`${name}: no article row is wider than 80 (and 40 for a sample), nothing crashes`, {timeout: 600_000}, () => {
			const {posts} = loadArchive(path.join(corpus, name));
			let rows = 0;
			for (const [index, post] of posts.entries()) {
				for (const width of index % 10 === 0 ? [80, 40] : [80]) {
					const article = loadArticle(post, width);
					assert.ok(article.lines.length > 0, post.path);
					for (const line of article.lines) {
						rows++;
						if (stringWidth(line.text) > width) assert.fail(`${post.path}: a row of ${stringWidth(line.text)} cells at width ${width}: ${line.text}`);
						// eslint-disable-next-line no-control-regex
						if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(line.text)) assert.fail(`${post.path}: a control character in ${JSON.stringify(line.text)}`);
					}
				}
			}
			assert.ok(rows > posts.length);
		});
	}
});
