/**
 * The search syntax as a person reads it, one table for `--help`, the help screen and the readme
 * (see query.ts for what it does). Plain data with no imports, so the help costs nothing to load.
 */

/** One form a search can take, with what it finds. */
export type SyntaxRow = {readonly form: string; readonly meaning: string};

/** The forms of the search syntax, most common first. */
export const querySyntax: readonly SyntaxRow[] = [
	{form: 'word word', meaning: 'Posts holding every word (香港 疫苗)'},
	{form: 'ukrain', meaning: 'A word matches words it starts: Ukraine, Ukrainian'},
	{form: '克兰', meaning: 'Chinese, Japanese, Korean match anywhere in the text'},
	{form: '"a phrase"', meaning: 'These words in a row, each whole'},
	{form: '-word', meaning: 'Leave out posts with it (also -"a phrase", -tag:x)'},
	{form: 'title:word', meaning: 'Only in the title (values may be "quoted")'},
	{form: 'category:x', meaning: 'Only in the categories; also tag:x, author:x'},
	{form: 'after:DAY', meaning: 'Dated on or after DAY (YYYY-MM-DD)'},
	{form: 'before:DAY', meaning: 'Dated before DAY'},
	{form: 'Café 烏克蘭', meaning: 'Also finds cafe, CAFÉ, 乌克兰: any case, accents, script'},
];
