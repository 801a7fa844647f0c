/** Pure parts of the UI: list and reader navigation, the key table, the app reducer. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {wrapText} from '../source/core/layout.js';
import type {LaidOutLine, Post} from '../source/core/types.js';
import {appReducer, initialState, selectedPost, type AppState, type Environment} from '../source/ui/app-state.js';
import {helpRows} from '../source/ui/help-text.js';
import {actionFor, bindings, keyNames, statusHints, type KeyFlags} from '../source/ui/keys.js';
import {fitList, moveList, visibleRange} from '../source/ui/list-state.js';
import {mapTop, positionAt, scrollReader} from '../source/ui/reader-state.js';
import {makePost, makePosts} from './helpers/posts.js';

const noKey: KeyFlags = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

describe('list navigation', () => {
	test('moves one row, clamps at both ends, and the window follows', () => {
		let state = {selected: 0, top: 0};
		state = moveList(state, 'up', 100, 10);
		assert.deepEqual(state, {selected: 0, top: 0});
		for (let index = 0; index < 12; index++) state = moveList(state, 'down', 100, 10);
		assert.deepEqual(state, {selected: 12, top: 3});
		state = moveList(state, 'bottom', 100, 10);
		assert.deepEqual(state, {selected: 99, top: 90});
		state = moveList(state, 'down', 100, 10);
		assert.deepEqual(state, {selected: 99, top: 90});
		assert.deepEqual(moveList(state, 'top', 100, 10), {selected: 0, top: 0});
	});

	test('pages keep the selection on the same screen row, and stop at the ends', () => {
		let state = moveList({selected: 2, top: 0}, 'pageDown', 100, 10);
		assert.deepEqual(state, {selected: 12, top: 10});
		state = moveList(state, 'pageUp', 100, 10);
		assert.deepEqual(state, {selected: 2, top: 0});
		state = moveList(state, 'pageUp', 100, 10);
		assert.deepEqual(state, {selected: 0, top: 0});
		assert.deepEqual(moveList({selected: 95, top: 90}, 'pageDown', 100, 10), {selected: 99, top: 90});
		assert.deepEqual(moveList({selected: 1, top: 0}, 'pageDown', 5, 10), {selected: 4, top: 0});
	});

	test('fits a stale state to a new count or height', () => {
		assert.deepEqual(fitList({selected: 50, top: 45}, 10, 5), {selected: 9, top: 5});
		assert.deepEqual(fitList({selected: 50, top: 45}, 100, 3), {selected: 50, top: 48});
		assert.deepEqual(fitList({selected: 3, top: 2}, 0, 5), {selected: 0, top: 0});
		assert.deepEqual(visibleRange({selected: 99_999, top: 0}, 100_000, 20), {start: 99_980, end: 100_000});
	});

	test('a move needs only the count, so a list of a billion rows moves like a short one', () => {
		// (What a key costs at archive sizes is measured by the bench, not here.)
		let state = {selected: 0, top: 0};
		for (let index = 0; index < 100_000; index++) state = moveList(state, 'down', 1_000_000_000, 40);
		assert.deepEqual(state, {selected: 100_000, top: 100_000 - 39});
	});
});

describe('reader scrolling', () => {
	test('scrolls by line, page (one line of context), half page, and to either end', () => {
		assert.equal(scrollReader(0, 'down', 100, 10), 1);
		assert.equal(scrollReader(0, 'up', 100, 10), 0);
		assert.equal(scrollReader(0, 'pageDown', 100, 10), 9);
		assert.equal(scrollReader(20, 'pageUp', 100, 10), 11);
		assert.equal(scrollReader(20, 'halfDown', 100, 10), 25);
		assert.equal(scrollReader(20, 'halfUp', 100, 10), 15);
		assert.equal(scrollReader(20, 'bottom', 100, 10), 90);
		assert.equal(scrollReader(20, 'top', 100, 10), 0);
		assert.equal(scrollReader(88, 'pageDown', 100, 10), 90);
		assert.equal(scrollReader(0, 'pageDown', 5, 10), 0, 'a short article does not scroll');
	});

	test('a new width keeps the same text at the top', () => {
		const text = Array.from({length: 400}, (_, index) => `w${index}`).join(' ');
		const layout = (width: number): LaidOutLine[] => wrapText(text, width).map(line => ({text: line}));
		const wide = layout(80);
		const narrow = layout(30);
		const top = 20;
		const firstWord = wide[top]!.text.split(' ')[0]!;
		const mapped = mapTop(wide, top, narrow);
		assert.ok(narrow[mapped]!.text.split(' ').includes(firstWord), `${firstWord} should be on line ${mapped}: ${narrow[mapped]!.text}`);
		const back = mapTop(narrow, mapped, wide);
		assert.ok(Math.abs(back - top) <= 1);
		assert.deepEqual(positionAt({top, width: 80}, 30, 10, layout), {top: mapped, width: 30});
		assert.deepEqual(positionAt({top: 0, width: 80}, 30, 10, layout), {top: 0, width: 30});
	});
});

describe('key table', () => {
	test('names what ink delivers', () => {
		assert.deepEqual(keyNames('j', noKey), ['j']);
		assert.deepEqual(keyNames('jjjj', noKey), ['j', 'j', 'j', 'j']);
		assert.deepEqual(keyNames('jk ', noKey), ['j', 'k', 'Space']);
		assert.deepEqual(keyNames('J', {...noKey, shift: true}), ['J']);
		assert.deepEqual(keyNames('', {...noKey, downArrow: true}), ['Down']);
		assert.deepEqual(keyNames('', {...noKey, pageDown: true}), ['PgDn']);
		assert.deepEqual(keyNames('', {...noKey, tab: true}), ['Tab']);
		assert.deepEqual(keyNames('', {...noKey, tab: true, shift: true}), ['Shift+Tab']);
		assert.deepEqual(keyNames('', {...noKey, escape: true, meta: true}), ['Esc']);
		assert.deepEqual(keyNames('\r', {...noKey, return: true}), ['Enter']);
		assert.deepEqual(keyNames('c', {...noKey, ctrl: true}), ['Ctrl+C']);
		assert.deepEqual(keyNames('x', {...noKey, meta: true}), []);
	});

	test('every binding resolves to its own action, and Ctrl+C works everywhere', () => {
		for (const binding of bindings) {
			if (binding.screen === 'global' || binding.keys[0] === 'any other key') continue;
			for (const name of binding.keys) assert.equal(actionFor(binding.screen, name), binding.action, `${binding.screen} ${name}`);
		}
		for (const screen of ['list', 'categories', 'reader', 'help', 'empty'] as const) assert.equal(actionFor(screen, 'Ctrl+C'), 'interrupt');
	});

	test('the status line leads with the way out', () => {
		assert.deepEqual(statusHints('list').slice(0, 2), ['? help', 'q quit']);
		assert.deepEqual(statusHints('reader').slice(0, 2), ['? help', 'q back']);
	});

	test('the help rows list every binding', () => {
		for (const binding of bindings) {
			if (binding.screen === 'empty') continue;
			assert.ok(
				helpRows.some(row => row.kind === 'binding' && row.description === binding.description && row.keys === (binding.label ?? binding.keys.join(' '))),
				binding.description,
			);
		}
	});
});

describe('app reducer', () => {
	const lines = (post: Post): LaidOutLine[] => Array.from({length: 50}, (_, index) => ({text: `${post.title} ${index}`}));
	const env: Environment = {width: 80, height: 12, lines};
	const step = (state: AppState, ...keys: string[]) => appReducer(state, {type: 'keys', keys, env});
	const press = (state: AppState, ...keys: string[]) => step(state, ...keys).state;
	const readerTop = (state: AppState) => (state.view.kind === 'reader' ? state.view.position : undefined);

	test('a burst of keys that changes screens is applied in order', () => {
		const state = press(initialState(makePosts(30)), 'j', 'j', 'Enter', 'j', 'j', 'J', 'q', 'j');
		assert.equal(state.view.kind, 'list');
		assert.equal(selectedPost(state)?.title, 'Post 5');
	});

	test('reading position starts at the top for each post and scrolls', () => {
		let state = press(initialState(makePosts(3)), 'Enter', 'j', 'j');
		assert.deepEqual(readerTop(state), {top: 2, width: 80});
		state = press(state, 'J');
		assert.deepEqual(readerTop(state), {top: 0, width: 80});
		state = press(state, 'J', 'J');
		assert.equal(state.status, 'This is the last post');
		assert.equal(selectedPost(state)?.title, 'Post 3');
	});

	test('a category filter keeps the selected post when it is still shown', () => {
		let state = press(initialState(makePosts(30, ['a', 'b', 'c'])), 'j', 'j', 'j', 'j');
		assert.equal(selectedPost(state)?.title, 'Post 5');
		state = press(state, 'Tab');
		assert.equal(state.filters.category, 'a');
		assert.equal(selectedPost(state)?.title, 'Post 1');
		state = press(state, 'Shift+Tab');
		assert.equal(state.filters.category, undefined);
		assert.equal(selectedPost(state)?.title, 'Post 1');
		state = press(state, 'Shift+Tab');
		assert.equal(state.filters.category, 'c');
		assert.equal(state.visible.length, 10);
	});

	test('o asks for the link as an effect, every time, or says there is none', () => {
		let result = step(initialState([makePost({link: 'https://example.com/x'})]), 'o');
		assert.deepEqual(result.effects, [{type: 'openLink', url: 'https://example.com/x'}]);
		result = step(result.state, 'o');
		assert.deepEqual(result.effects, [{type: 'openLink', url: 'https://example.com/x'}]);
		result = step(initialState([makePost({link: undefined})]), 'o');
		assert.equal(result.state.status, 'This post has no link');
		assert.deepEqual(result.effects, []);
	});

	test('opening a post asks for its article and saves the read state, as effects', () => {
		const {state, effects} = step(initialState(makePosts(3)), 'j', 'Enter');
		assert.equal(state.view.kind, 'reader');
		assert.deepEqual(
			effects.map(effect => effect.type),
			['loadArticle', 'saveReadState'],
		);
		const saved = effects.find(effect => effect.type === 'saveReadState');
		assert.ok(saved?.type === 'saveReadState' && saved.read.has('/archive/post-2.md') && saved.last === '/archive/post-2.md');
	});

	test('keys for an article not laid out yet wait for it; the reducer only asks for it to be loaded', () => {
		let loaded = false;
		const waitingEnv: Environment = {...env, loading: () => !loaded, lines: post => (loaded ? lines(post) : [])};
		const first = appReducer(initialState(makePosts(3)), {type: 'keys', keys: ['Enter', 'j', 'j'], env: waitingEnv});
		assert.deepEqual(first.state.waiting, ['j', 'j']);
		assert.ok(first.effects.some(effect => effect.type === 'loadArticle' && effect.post.title === 'Post 1'));
		loaded = true;
		const next = appReducer(first.state, {type: 'keys', keys: [], env: waitingEnv}).state;
		assert.deepEqual(next.waiting, []);
		assert.deepEqual(readerTop(next), {top: 2, width: 80});
	});

	test('q and Ctrl+C ask to exit once, and later keys are ignored', () => {
		const quit = step(initialState(makePosts(3)), 'q', 'j');
		assert.equal(quit.state.exit, 'quit');
		assert.deepEqual(quit.effects, [{type: 'exit', reason: 'quit'}]);
		assert.equal(press(initialState(makePosts(3)), 'Enter', 'Ctrl+C', 'q').exit, 'interrupt');
		assert.equal(press(initialState([]), 'j', 'q').exit, 'quit');
	});
});
