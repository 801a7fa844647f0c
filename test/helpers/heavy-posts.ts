/**
 * Posts a scraper can produce that cost a naive cleaner or layout time or stack without bound,
 * each with what a reader must still see of it. Shared by the tests and the benchmark.
 */

/** One heavy post: its file name and text, and words that must appear in what folio shows of it. */
export type HeavyPost = {
	readonly name: string;
	readonly file: string;
	readonly text: string;
	/** Text that must appear in the printed article. */
	readonly kept: readonly string[];
	/** A letter and how many times the printed body holds it at least (the body's own text kept whole). */
	readonly count?: {readonly letter: string; readonly atLeast: number};
};

const frontMatter = (title: string) => `---\ntitle: ${title}\n---\n`;
const ending = 'Closing words of the post.';

/** The heavy posts, each a shape a scraper can produce. */
export const heavyPosts: readonly HeavyPost[] = [
	{
		name: 'emphasis bait',
		file: 'emphasis.md',
		text: `${frontMatter('Emphasis bait')}${'*a '.repeat(50_000)}\n\n${ending}\n`,
		kept: [ending],
		count: {letter: 'a', atLeast: 50_000},
	},
	{
		name: 'combining accents',
		file: 'accents.md',
		text: `${frontMatter('Combining accents')}${'e\u0301'.repeat(40_000)}\n\n${ending}\n`,
		kept: [ending],
		count: {letter: 'e', atLeast: 40_000},
	},
	{
		name: 'list 5,000 deep',
		file: 'deep-list.md',
		text: `${frontMatter('Deep list')}${'- '.repeat(5_000)}innermost item\n\n${ending}\n`,
		kept: ['innermost item', ending],
	},
	{
		name: 'quotes 10,000 deep',
		file: 'deep-quotes.md',
		text: `${frontMatter('Deep quotes')}${'>'.repeat(10_000)} innermost quote\n\n${ending}\n`,
		kept: ['innermost quote', ending],
	},
	{
		name: 'divs 100,000 deep',
		file: 'deep-divs.html',
		text: `${frontMatter('Deep divs')}${'<div>'.repeat(100_000)}innermost text${'</div>'.repeat(100_000)}<p>${ending}</p>\n`,
		kept: ['innermost text', ending],
	},
	{
		name: '20,000 paragraphs',
		file: 'paragraphs.md',
		text: `${frontMatter('Many paragraphs')}${Array.from({length: 20_000}, (_, index) => `Paragraph ${index} with some words in it.`).join('\n\n')}\n\n${ending}\n`,
		kept: ['Paragraph 19999 with some words in it.', ending],
	},
	{
		name: 'template openers never closed',
		file: 'template-openers.md',
		text: `${frontMatter('Template openers')}${'{{ a {% b '.repeat(30_000)}\n\n${ending}\n`,
		kept: [ending],
		count: {letter: 'a', atLeast: 30_000},
	},
	{
		name: '20,000 footnotes',
		file: 'footnotes.md',
		text: `${frontMatter('Footnotes')}${Array.from({length: 20_000}, (_, index) => `Claim ${index}[^n${index}].`).join('\n\n')}\n\n${Array.from({length: 20_000}, (_, index) => `[^n${index}]: Note ${index}.`).join('\n')}\n\n${ending}\n`,
		kept: ['Claim 19999', ending],
	},
	{
		name: 'table of 20,000 rows',
		file: 'long-table.html',
		text: `${frontMatter('Long table')}<table><tr><th>城市</th><th>Note</th></tr>${'<tr><td>東京</td><td>a cell<br>two lines</td></tr>'.repeat(20_000)}</table><p>${ending}</p>\n`,
		kept: ['two lines', ending],
		count: {letter: '東', atLeast: 20_000},
	},
	{
		name: 'CJK lines broken 50,000 times',
		file: 'cjk-lines.md',
		text: `${frontMatter('CJK lines')}${'中文\n'.repeat(50_000)}\n\n${ending}\n`,
		kept: [ending],
		count: {letter: '中', atLeast: 50_000},
	},
];

/** How many times `letter` occurs in `text`. */
export function countOf(text: string, letter: string): number {
	let count = 0;
	for (let index = text.indexOf(letter); index !== -1; index = text.indexOf(letter, index + 1)) count++;
	return count;
}

/**
 * The Markdown heavy posts' bodies in one post, over and over to about `chars` characters (short
 * of the length a reader cuts a body at, so its last words are shown): a post that takes seconds
 * to prepare even with linear cleaning and layout, for tests of what answers meanwhile.
 */
export function slowPostText(chars = 1_500_000): string {
	const bodies = heavyPosts.filter(post => post.file.endsWith('.md')).map(post => post.text.replace(/^---\n[^]*?\n---\n/, ''));
	// Those that fit together in `chars`, so the post stays within what folio reads of a body.
	const fitting: string[] = [];
	let length = 0;
	for (const body of bodies) {
		if (length + body.length > chars) continue;
		fitting.push(body);
		length += body.length + 2;
	}
	const once = fitting.join('\n\n');
	return `---\ntitle: All the heavy posts\n---\n${once.repeat(Math.max(1, Math.floor(chars / once.length)))}\n\n${ending}\n`;
}
