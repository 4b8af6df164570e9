import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Page text must never become HTML: the audited page could smuggle markup into the tagger
      // or the report (docs/ARCHITECTURE.md#stealth).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is data: build DOM nodes or use Preact.' },
        { property: 'outerHTML', message: 'Page text is data: build DOM nodes or use Preact.' },
        { property: 'insertAdjacentHTML', message: 'Page text is data.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page text is data.',
        },
      ],
    },
  },
);
