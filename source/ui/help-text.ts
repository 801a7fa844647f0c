/** The help screen's content, generated from the key table. */
import {querySyntax} from '../core/query-syntax.js';
import {bindings, screenTitles, type BindingScreen} from './keys.js';

/** One row of the help screen. */
export type HelpRow =
	| {readonly kind: 'heading'; readonly text: string}
	| {readonly kind: 'binding'; readonly keys: string; readonly keyList: readonly string[]; readonly description: string}
	| {readonly kind: 'blank'};

const order: readonly BindingScreen[] = ['list', 'reader', 'links', 'categories', 'tags', 'skipped', 'prompt', 'help', 'global'];

/**
 * Every binding of the table, grouped by screen under a heading, blank rows between groups; then
 * the search syntax (what `/` and `F` accept).
 */
export const helpRows: readonly HelpRow[] = order.flatMap((screen, index) => {
	const rows: HelpRow[] = index === 0 ? [] : [{kind: 'blank'}];
	rows.push({kind: 'heading', text: screenTitles[screen]});
	for (const binding of bindings) {
		if (binding.screen === screen) rows.push({
			kind: 'binding',
			keys: binding.label ?? binding.keys.join(' '),
			keyList: binding.label === undefined ? binding.keys : [binding.label],
			description: binding.description,
		});
	}
	return rows;
}).concat([
	{kind: 'blank'},
	{kind: 'heading', text: 'Searching (/ and F)'},
	...querySyntax.map((row): HelpRow => ({kind: 'binding', keys: row.form, keyList: [row.form], description: row.meaning})),
]);
