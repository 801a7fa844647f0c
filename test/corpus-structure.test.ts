/**
 * Real archives, when they sit beside the repository in ../shared/corpus, keep their structure
 * at widths 40 and 80: code lines whole or marked where cut, no space put between two CJK
 * characters where the source has none, no template or footnote syntax left raw, no row wider
 * than the width and none starting with closing punctuation. A sample of each archive is laid
 * out, so the test stays quick. Skipped when the corpus is absent.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {articleDocument} from '../source/core/article.js';
import {codeContinuation, codeRows, layoutDocument} from '../source/core/layout.js';
import {parsePost} from '../source/core/parse.js';
import {readPostText} from '../source/core/post-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const present = fs.existsSync(corpus);
const skip = present ? false : `no corpus at ${corpus}; these tests need the shared news archives`;
const folders = present ? fs.readdirSync(corpus).filter(name => fs.statSync(path.join(corpus, name)).isDirectory()) : [];

/** Posts laid out per archive: spread evenly over its files (sorted by name, so by date). */
const sampleSize = 150;
const widths = [40, 80] as const;

const closingPunctuation = /^[，。、；：？！」）』》〉】,.;:?!)]/;
const cjk = String.raw`[\u2E80-\u2FFF\u3001-\u303F\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]`;
const spacedCjk = new RegExp(`(${cjk}) (?=(${cjk}))`, 'gu');
const rawSyntax = /\[\^|\{#|\{\{<|\{%/;

function postFiles(folder: string): string[] {
	const files: string[] = [];
	for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
		if (entry.name.startsWith('.')) continue;
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) files.push(...postFiles(full));
		else if (/\.(md|markdown|html?)$/i.test(entry.name)) files.push(full);
	}
	return files.sort();
}

function sample<T>(items: readonly T[], size: number): T[] {
	if (items.length <= size) return [...items];
	const step = items.length / size;
	return Array.from({length: size}, (_, index) => items[Math.floor(index * step)]!);
}

/** A post's source as text a reader could see: tags out, common space entities in, spaces without line breaks as one. */
function sourceText(text: string): string {
	return text
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;|&#160;|&#xa0;|\u00A0|\u3000/gi, ' ')
		.replace(/[ \t]+/g, ' ');
}

describe('real archives keep their structure', {skip}, () => {
	for (const name of folders) {
		test(`${name}: a sample laid out at 40 and 80 keeps code, CJK spacing, clean syntax and the width`, {timeout: 120_000}, () => {
			const files = sample(postFiles(path.join(corpus, name)), sampleSize);
			let rows = 0;
			let cjkPairs = 0;
			for (const file of files) {
				const text = readPostText(file);
				const post = parsePost(text, file, {size: text.length, mtimeMs: 0});
				const document = articleDocument(post, text);
				const source = sourceText(text);
				for (const width of widths) {
					for (const line of document.lines) {
						if (line.style !== 'pre') continue;
						const code = codeRows(line.text, width, line.prefix, line.continuation);
						for (const [index, row] of code.entries()) {
							if (index < code.length - 1) assert.ok(row.endsWith(codeContinuation), `${file}: a code row cut with no mark: ${row}`);
						}
						const lead = code[0]!.length - code[0]!.trimStart().length;
						const whole = code.map(row => row.slice(lead).replace(new RegExp(`${codeContinuation}$`), '')).join('');
						assert.equal(whole, line.text.trimStart(), `${file}: a code line is not whole`);
					}
					for (const row of layoutDocument(document, width)) {
						rows++;
						assert.ok(stringWidth(row.text) <= width, `${file}: a row of ${stringWidth(row.text)} cells at ${width}: ${row.text}`);
						if (row.style === 'pre') continue;
						assert.doesNotMatch(row.text, closingPunctuation, `${file}: a row at ${width} starts with closing punctuation`);
						assert.doesNotMatch(row.text, rawSyntax, `${file}: raw footnote or template syntax at ${width}: ${row.text}`);
						for (const match of row.text.matchAll(spacedCjk)) {
							cjkPairs++;
							assert.ok(source.includes(`${match[1]} ${match[2]}`), `${file}: a space put between ${match[1]} and ${match[2]} at ${width}: ${row.text}`);
						}
					}
				}
			}
			assert.ok(rows > files.length * widths.length, `${rows} rows`);
			console.log(`${name}: ${files.length} posts, ${rows} rows, ${cjkPairs} spaces between CJK characters, each in the source`);
		});
	}

	test('real text that only looks like share boilerplate stays', () => {
		const keeps: Array<[RegExp, string]> = [
			[/What to make of Wall Street/, 'These averted hypothetical losses add to profits.'],
			[/Sorry Scotland, haggis/, 'Down south, haggis lost its reputation as a delicious treat'],
		];
		const files = postFiles(path.join(corpus, 'waimei-sample'));
		for (const [pattern, sentence] of keeps) {
			const file = files.find(candidate => pattern.test(path.basename(candidate)));
			if (file === undefined) continue;
			const text = readPostText(file);
			const document = articleDocument(parsePost(text, file, {size: text.length, mtimeMs: 0}), text);
			assert.ok(
				document.lines.some(line => line.text.includes(sentence)),
				`${path.basename(file)} keeps "${sentence}"`,
			);
		}
	});
});
