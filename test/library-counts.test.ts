/** Category counts and spellings (core/library.ts): what the picker and the list column show. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {countCategories, countNameGroups, countTags, filterByCategory, unifyCategoryCase} from '../source/core/library.js';
import {makePost} from './helpers/posts.js';

const posts = [
	makePost({path: '/a.md', categories: ['BBC']}),
	makePost({path: '/b.md', categories: ['BBC', 'world']}),
	makePost({path: '/c.md', categories: ['bbc', 'BBC'], tags: ['x', 'X']}),
	makePost({path: '/d.md', categories: ['World'], tags: ['x']}),
	makePost({path: '/e.md', categories: []}),
];

test('names differing only in case are one entry, in the spelling most posts use, each post counted once', () => {
	assert.deepEqual(countCategories(posts), [
		{name: 'BBC', count: 3},
		// One post each: the tie goes to the spelling that sorts first.
		{name: 'World', count: 2},
	]);
	assert.deepEqual(countTags(posts), [{name: 'x', count: 2}]);
	assert.deepEqual(countNameGroups([[['bbc'], 5], [['BBC', 'Bbc'], 7]]), [{name: 'BBC', count: 12}]);
});

test('every post names a category in its most common spelling, once; posts that need no change are the same objects', () => {
	const unified = unifyCategoryCase(posts);
	assert.deepEqual(
		unified.map(post => post.categories),
		[['BBC'], ['BBC', 'World'], ['BBC'], ['World'], []],
	);
	assert.equal(unified[0], posts[0]);
	assert.equal(unified[4], posts[4]);
	const plain = [makePost({categories: ['a']}), makePost({categories: ['b']})];
	assert.equal(unifyCategoryCase(plain), plain, 'nothing to change: the same list');
	assert.deepEqual(
		filterByCategory(posts, 'bbc').map(post => post.path),
		['/a.md', '/b.md', '/c.md'],
	);
});
