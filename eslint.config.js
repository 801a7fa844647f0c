// ESLint (flat config): the recommended rules of ESLint and typescript-eslint for all the code,
// and React's rules for the screens.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'bench/.archives/', 'bench/.baselines/', 'bench/results/']},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {
				console: 'readonly',
				process: 'readonly',
				Buffer: 'readonly',
				URL: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				setImmediate: 'readonly',
				clearImmediate: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				queueMicrotask: 'readonly',
				performance: 'readonly',
				structuredClone: 'readonly',
				TextDecoder: 'readonly',
				TextEncoder: 'readonly',
				AbortController: 'readonly',
				Intl: 'readonly',
			},
		},
	},
	{
		rules: {
			// An error ignored on purpose (a file that may be gone, a folder that may not exist).
			'no-empty': ['error', {allowEmptyCatch: true}],
			// `const {path: _path, ...shown} = post` leaves out one field on purpose.
			'@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_'}],
		},
	},
	{
		files: ['**/*.tsx'],
		plugins: {react, 'react-hooks': reactHooks},
		settings: {react: {version: 'detect'}},
		rules: {
			...react.configs.flat.recommended.rules,
			...react.configs.flat['jsx-runtime'].rules,
			'react/no-array-index-key': 'warn',
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
		},
	},
	{
		// CommonJS build helpers.
		files: ['**/*.cjs'],
		languageOptions: {sourceType: 'commonjs', globals: {require: 'readonly', module: 'writable'}},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
);
