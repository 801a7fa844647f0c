/** The help screen's content, generated from the key table. */
import {bindings, screenTitles, type BindingScreen} from './keys.js';

/** One row of the help screen. */
export type HelpRow =
	| {readonly kind: 'heading'; readonly text: string}
	| {readonly kind: 'binding'; readonly keys: string; readonly keyList: readonly string[]; readonly description: string}
	| {readonly kind: 'blank'};

const order: readonly BindingScreen[] = ['list', 'reader', 'links', 'categories', 'tags', 'skipped', 'prompt', 'help', 'global'];

/** Every binding of the table, grouped by screen under a heading, blank rows between groups. */
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
});
