/**
 * Keys as data. One table feeds the input handler (app-state.ts), the status line and the
 * help screen, so what the help says is what the keys do.
 *
 * A key is named by its display name ("j", "Down", "PgDn", "Shift+Tab", "Ctrl+C"); keyNames()
 * turns what ink delivers into those names.
 */

/** Where a binding applies; `global` bindings apply on every screen. */
export type BindingScreen = 'global' | 'list' | 'categories' | 'tags' | 'reader' | 'links' | 'skipped' | 'prompt' | 'help' | 'empty';

/** What a key does. The reducer in app-state.ts gives each one its meaning. */
export type Action =
	| 'interrupt'
	| 'quit'
	| 'help'
	| 'down'
	| 'up'
	| 'pageDown'
	| 'pageUp'
	| 'halfDown'
	| 'halfUp'
	| 'top'
	| 'bottom'
	| 'open'
	| 'back'
	| 'nextCategory'
	| 'previousCategory'
	| 'categories'
	| 'openLink'
	| 'nextPost'
	| 'previousPost'
	| 'search'
	| 'fullText'
	| 'clearFilters'
	| 'sources'
	| 'skipped'
	| 'nextUnread'
	| 'undoRead'
	| 'jumpToDate'
	| 'tags'
	| 'toggleRead'
	| 'markAllRead'
	| 'unreadOnly'
	| 'nextArrived'
	| 'toggleStar'
	| 'pipe'
	| 'togglePreview'
	| 'edit'
	| 'starredOnly'
	| 'copyLink'
	| 'find'
	| 'nextMatch'
	| 'previousMatch'
	| 'links'
	| 'linkDigit'
	| 'openNumberedLink'
	| 'readingWidth'
	| 'submit'
	| 'cancel'
	| 'erase';

/** One row of the key table. */
export type Binding = {
	readonly screen: BindingScreen;
	/** Display names, also matched against keyNames(). */
	readonly keys: readonly string[];
	readonly action: Action;
	readonly description: string;
	/** Short label for the status line; bindings without one are only in the help screen. */
	readonly hint?: string;
	/** How the help screen and the status line name the keys, when not by listing them (e.g. `1-9`). */
	readonly label?: string;
};

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The six keys that move through a list screen (j k Space b g G), in that screen's words. */
function movingKeys(screen: BindingScreen, words: {readonly next: string; readonly previous: string; readonly first: string; readonly last: string}): Binding[] {
	return [
		{screen, keys: ['j', 'Down'], action: 'down', description: words.next},
		{screen, keys: ['k', 'Up'], action: 'up', description: words.previous},
		{screen, keys: ['Space', 'PgDn'], action: 'pageDown', description: 'Page down'},
		{screen, keys: ['b', 'PgUp'], action: 'pageUp', description: 'Page up'},
		{screen, keys: ['g', 'Home'], action: 'top', description: words.first},
		{screen, keys: ['G', 'End'], action: 'bottom', description: words.last},
	];
}

/** Every key folio knows, grouped by screen, in the order the help screen shows them. */
export const bindings: readonly Binding[] = [
	{screen: 'list', keys: ['j', 'Down'], action: 'down', description: 'Next post'},
	{screen: 'list', keys: ['k', 'Up'], action: 'up', description: 'Previous post'},
	{screen: 'list', keys: ['Space', 'PgDn'], action: 'pageDown', description: 'Page down'},
	{screen: 'list', keys: ['b', 'PgUp'], action: 'pageUp', description: 'Page up'},
	{screen: 'list', keys: ['g', 'Home'], action: 'top', description: 'Newest post'},
	{screen: 'list', keys: ['G', 'End'], action: 'bottom', description: 'Oldest post'},
	{screen: 'list', keys: ['Enter', 'Right', 'l'], action: 'open', description: 'Read the selected post', hint: 'read'},
	{screen: 'list', keys: ['Tab'], action: 'nextCategory', description: 'Show the next category', hint: 'category'},
	{screen: 'list', keys: ['Shift+Tab'], action: 'previousCategory', description: 'Show the previous category'},
	{screen: 'list', keys: ['c'], action: 'categories', description: 'Choose a category', hint: 'categories'},
	{screen: 'list', keys: ['o'], action: 'openLink', description: "Open the post's original link", hint: 'link'},
	{screen: 'list', keys: ['/'], action: 'search', description: 'Filter by title, category, tag or author as you type', hint: 'search'},
	{screen: 'list', keys: ['F'], action: 'fullText', description: 'Search the full text of every post shown', hint: 'full text'},
	{screen: 'list', keys: ['Esc'], action: 'clearFilters', description: 'Clear every filter and search: show all posts'},
	{screen: 'list', keys: ['t'], action: 'tags', description: 'Choose a tag', hint: 'tags'},
	{screen: 'list', keys: ['f'], action: 'sources', description: 'Choose a source (a top-level folder of the archive)'},
	{screen: 'list', keys: ['u'], action: 'unreadOnly', description: 'Show only unread posts (again: all)', hint: 'unread'},
	{screen: 'list', keys: ['n', 'Ctrl+N'], action: 'nextUnread', description: 'Next unread post', hint: 'next unread'},
	{screen: 'list', keys: ['s'], action: 'toggleStar', description: 'Star the selected post, or take its star away', hint: 'star'},
	{screen: 'list', keys: ['v'], action: 'togglePreview', description: 'Show the selected post beside the list, or not (at once from 160 columns)'},
	{screen: 'list', keys: ['e'], action: 'edit', description: "Open the post's file in $EDITOR"},
	{screen: 'list', keys: ['*'], action: 'starredOnly', description: 'Show only starred posts (again: all)'},
	{screen: 'list', keys: ['+'], action: 'nextArrived', description: 'Go to the next post that arrived while folio was open (the header counts them)'},
	{screen: 'list', keys: ['N'], action: 'toggleRead', description: 'Mark the selected post read or unread'},
	{screen: 'list', keys: ['R'], action: 'markAllRead', description: 'Mark every shown post read (R again at once: undo)'},
	{screen: 'list', keys: ['U'], action: 'undoRead', description: 'Undo the last R: those posts are unread again'},
	{screen: 'list', keys: ['S'], action: 'skipped', description: 'List the files that were skipped, and why'},
	{screen: 'list', keys: [':'], action: 'jumpToDate', description: 'Go to a day: type YYYY-MM-DD, then Enter', hint: 'date'},
	{screen: 'list', keys: ['y'], action: 'copyLink', description: "Copy the post's original link (OSC 52)"},
	{screen: 'list', keys: ['?'], action: 'help', description: 'Show all keys', hint: 'help'},
	{screen: 'list', keys: ['q'], action: 'quit', description: 'Quit', hint: 'quit'},

	...movingKeys('categories', {next: 'Next entry', previous: 'Previous entry', first: 'First entry', last: 'Last entry'}),
	{screen: 'categories', keys: ['Enter'], action: 'open', description: 'Show this category or source', hint: 'choose'},
	{screen: 'categories', keys: ['Esc', 'q', 'Left'], action: 'back', description: 'Back to the list unchanged', hint: 'back'},

	...movingKeys('tags', {next: 'Next tag', previous: 'Previous tag', first: 'First entry', last: 'Last entry'}),
	{screen: 'tags', keys: ['Enter'], action: 'open', description: 'Show posts with this tag', hint: 'choose'},
	{screen: 'tags', keys: ['Esc', 'q', 'Left'], action: 'back', description: 'Back to the list unchanged', hint: 'back'},

	{screen: 'reader', keys: ['j', 'Down'], action: 'down', description: 'Scroll down a line'},
	{screen: 'reader', keys: ['k', 'Up'], action: 'up', description: 'Scroll up a line'},
	{screen: 'reader', keys: ['Space', 'PgDn', 'f'], action: 'pageDown', description: 'Page down', hint: 'page'},
	{screen: 'reader', keys: ['b', 'PgUp'], action: 'pageUp', description: 'Page up'},
	{screen: 'reader', keys: ['d'], action: 'halfDown', description: 'Half a page down'},
	{screen: 'reader', keys: ['u'], action: 'halfUp', description: 'Half a page up'},
	{screen: 'reader', keys: ['g', 'Home'], action: 'top', description: 'Top of the post'},
	{screen: 'reader', keys: ['G', 'End'], action: 'bottom', description: 'End of the post'},
	{screen: 'reader', keys: ['J'], action: 'nextPost', description: 'Next post in the list', hint: 'next'},
	{screen: 'reader', keys: ['K'], action: 'previousPost', description: 'Previous post in the list', hint: 'prev'},
	{screen: 'reader', keys: ['Ctrl+N'], action: 'nextUnread', description: 'Next unread post in the list'},
	{screen: 'reader', keys: ['s'], action: 'toggleStar', description: 'Star the post, or take its star away'},
	{screen: 'reader', keys: ['|'], action: 'pipe', description: "Show the post's text in $PAGER (default less)"},
	{screen: 'reader', keys: ['e'], action: 'edit', description: "Open the post's file in $EDITOR"},
	{screen: 'reader', keys: ['o'], action: 'openLink', description: 'Open the original link', hint: 'link'},
	{screen: 'reader', keys: ['/'], action: 'find', description: 'Find in the post', hint: 'find'},
	{screen: 'reader', keys: ['n'], action: 'nextMatch', description: 'Next match'},
	{screen: 'reader', keys: ['N'], action: 'previousMatch', description: 'Previous match'},
	{screen: 'reader', keys: ['L'], action: 'links', description: "List the post's links", hint: 'links'},
	{screen: 'reader', keys: digits, action: 'linkDigit', label: '0-9', description: 'Type a link number, then Enter to open it'},
	{screen: 'reader', keys: ['Enter'], action: 'openNumberedLink', description: 'Open the link whose number was typed'},
	{screen: 'reader', keys: ['y'], action: 'copyLink', description: 'Copy the original link (OSC 52)', hint: 'copy'},
	{screen: 'reader', keys: ['w'], action: 'readingWidth', description: 'Change the reading width: 60, 80, 100, 120 columns, the whole screen'},
	{screen: 'reader', keys: ['?'], action: 'help', description: 'Show all keys', hint: 'help'},
	{screen: 'reader', keys: ['q', 'Esc', 'Left'], action: 'back', description: 'Back to the list', hint: 'back'},

	...movingKeys('links', {next: 'Next link', previous: 'Previous link', first: 'First link', last: 'Last link'}),
	{screen: 'links', keys: ['Enter', 'o'], action: 'open', description: 'Open the selected link', hint: 'open'},
	{screen: 'links', keys: digits.slice(1), action: 'linkDigit', label: '1-9', description: 'Open link 1 to 9', hint: 'open'},
	{screen: 'links', keys: ['y'], action: 'copyLink', description: 'Copy the selected link (OSC 52)', hint: 'copy'},
	{screen: 'links', keys: ['Esc', 'q', 'Left'], action: 'back', description: 'Back to the post', hint: 'back'},

	...movingKeys('skipped', {next: 'Scroll down', previous: 'Scroll up', first: 'First file', last: 'Last file'}),
	{screen: 'skipped', keys: ['Esc', 'q', 'Left'], action: 'back', description: 'Back to the list', hint: 'back'},

	{screen: 'prompt', keys: ['Enter'], action: 'submit', description: 'Search, find or go to the day typed', hint: 'done'},
	{screen: 'prompt', keys: ['Esc'], action: 'cancel', description: 'Cancel (a list search is cleared)', hint: 'cancel'},
	{screen: 'prompt', keys: ['Backspace', 'Delete'], action: 'erase', description: 'Erase the last character'},

	{screen: 'help', keys: ['j', 'Down', 'Space', 'PgDn'], action: 'down', description: 'Scroll down, when the keys do not fit'},
	{screen: 'help', keys: ['k', 'Up', 'b', 'PgUp'], action: 'up', description: 'Scroll up, when the keys do not fit'},
	{screen: 'help', keys: ['any other key'], action: 'back', description: 'Back', hint: 'back'},

	{screen: 'empty', keys: ['q', 'Esc'], action: 'quit', description: 'Quit', hint: 'quit'},

	{screen: 'global', keys: ['Ctrl+C'], action: 'interrupt', description: 'Quit from anywhere'},
];

/** Headings used when the help screen groups the table. */
export const screenTitles: Readonly<Record<BindingScreen, string>> = {
	list: 'Post list',
	categories: 'Category and source pickers',
	tags: 'Tag picker',
	links: 'Links of a post',
	skipped: 'Skipped files',
	prompt: 'While typing a search or a day',
	reader: 'Reader',
	help: 'This help',
	empty: 'No posts',
	global: 'Everywhere',
};

const byScreen = new Map<BindingScreen, Map<string, Action>>();
for (const binding of bindings) {
	let map = byScreen.get(binding.screen);
	if (!map) {
		map = new Map();
		byScreen.set(binding.screen, map);
	}
	for (const name of binding.keys) if (!map.has(name)) map.set(name, binding.action);
}

/** The action a key name triggers on a screen (screen bindings first, then global ones), if any. */
export function actionFor(screen: Exclude<BindingScreen, 'global'>, name: string): Action | undefined {
	return byScreen.get(screen)?.get(name) ?? byScreen.get('global')?.get(name);
}

const leaving = new Set<Action>(['quit', 'back', 'help', 'cancel']);

/**
 * The status-line hints of a screen, as `key label` pairs: how to leave (and get help) first, so
 * they survive on a narrow screen, then the rest in table order.
 */
export function statusHints(screen: Exclude<BindingScreen, 'global'>): string[] {
	const hinted = bindings.filter(binding => binding.screen === screen && binding.hint !== undefined);
	return [...hinted.filter(binding => leaving.has(binding.action)), ...hinted.filter(binding => !leaving.has(binding.action))].map(
		binding => `${binding.label ?? binding.keys[0]!} ${binding.hint!}`,
	);
}

/** The subset of ink's Key that keyNames reads (ink's own Key type fits). */
export type KeyFlags = {
	readonly upArrow: boolean;
	readonly downArrow: boolean;
	readonly leftArrow: boolean;
	readonly rightArrow: boolean;
	readonly pageDown: boolean;
	readonly pageUp: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return: boolean;
	readonly escape: boolean;
	readonly ctrl: boolean;
	readonly shift: boolean;
	readonly tab: boolean;
	readonly backspace: boolean;
	readonly delete: boolean;
	readonly meta: boolean;
};

/**
 * The display names of the keys in one ink input event, in order. Several keys can arrive as one
 * event (ten `j` written at once come as "jjjjjjjjjj"); each character then counts as one key,
 * so no key press is lost. Unknown keys get names no binding uses.
 */
export function keyNames(input: string, key: KeyFlags): string[] {
	if (key.ctrl && input.length === 1) return [`Ctrl+${input.toUpperCase()}`];
	if (key.upArrow) return ['Up'];
	if (key.downArrow) return ['Down'];
	if (key.leftArrow) return ['Left'];
	if (key.rightArrow) return ['Right'];
	if (key.pageDown) return ['PgDn'];
	if (key.pageUp) return ['PgUp'];
	if (key.home) return ['Home'];
	if (key.end) return ['End'];
	if (key.return) return ['Enter'];
	if (key.tab) return [key.shift ? 'Shift+Tab' : 'Tab'];
	if (key.escape) return ['Esc'];
	if (key.backspace) return ['Backspace'];
	if (key.delete) return ['Delete'];
	if (key.meta || input === '') return [];
	return [...input].map(character => characterName(character));
}

function characterName(character: string): string {
	switch (character) {
		case ' ':
			return 'Space';
		case '\r':
		case '\n':
			return 'Enter';
		case '\t':
			return 'Tab';
		case '\u007F':
			return 'Delete';
		case '\u0003':
			return 'Ctrl+C';
		default:
			return character;
	}
}
