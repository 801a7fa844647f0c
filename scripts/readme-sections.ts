/**
 * The parts of readme.md that are generated: the `--help` text and the key table. `npm run readme`
 * writes them; a test checks the readme still matches, so the two never drift apart.
 */
import {helpRows} from '../source/ui/help-text.js';

/** Markers around a generated part of the readme. */
export const markers = {
	help: ['<!-- help:start -->', '<!-- help:end -->'],
	keys: ['<!-- keys:start -->', '<!-- keys:end -->'],
} as const;

/** The help block: the output of `folio --help` in a code fence. */
export function helpSection(helpText: string): string {
	return ['```', helpText.replace(/\n+$/, ''), '```'].join('\n');
}

/** The keys block: one table a screen, from the same key table the screens use. */
export function keysSection(): string {
	const out: string[] = [];
	for (const row of helpRows) {
		if (row.kind === 'heading') out.push(`**${row.text}**`, '', '| keys | does |', '|---|---|');
		else if (row.kind === 'binding') out.push(`| ${row.keyList.map(key => `\`${key.replace('|', '\\|')}\``).join(' ')} | ${row.description} |`);
		else out.push('');
	}
	return out.join('\n');
}

/** The readme with one generated part replaced. */
export function replaceSection(readme: string, [start, end]: readonly [string, string], content: string): string {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1 || to < from) throw new Error(`readme.md has no ${start} … ${end} section`);
	return `${readme.slice(0, from + start.length)}\n${content}\n${readme.slice(to)}`;
}

/** The content between a part's markers. */
export function sectionOf(readme: string, [start, end]: readonly [string, string]): string | undefined {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	return from === -1 || to < from ? undefined : readme.slice(from + start.length, to).replace(/^\n|\n$/g, '');
}
