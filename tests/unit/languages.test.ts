import { describe, expect, it } from 'vitest';
import { fenceLanguages, isKnownFenceLanguage } from '../../src/lib/check/languages';

describe('isKnownFenceLanguage', () => {
  it.each(['python', 'py', 'ts', 'typescript', 'bash', 'sh', 'shell', 'sql', 'json', 'yaml', 'rust', 'diff'])('knows the Shiki language %j', (lang) => {
    expect(isKnownFenceLanguage(lang)).toBe(true);
  });

  it.each(['', 'text', 'txt', 'plain', 'plaintext', 'ansi', 'math', 'latex-math'])('treats %j as plain text on purpose', (lang) => {
    expect(isKnownFenceLanguage(lang)).toBe(true);
  });

  it.each(['brainfudge', 'pyhton', 'python3x', 'c#-script'])('does not know %j', (lang) => {
    expect(isKnownFenceLanguage(lang)).toBe(false);
  });

  // Regression (check/languages.ts, isKnownFenceLanguage): `name in bundledLanguages` also finds
  // inherited Object.prototype keys, so "constructor" counts as a language; Shiki then
  // renders it as plain text ('The language "constructor" (aliased to "function Object()…")
  // doesn't exist') and the checker never warned.
  it.each(['constructor', '__proto__'])('does not take the object key %j for a language', (lang) => {
    expect(isKnownFenceLanguage(lang)).toBe(false);
  });

  // Regression (check/languages.ts, isKnownFenceLanguage): the name is lower-cased before the
  // lookup, but Shiki's lookup is case-sensitive: "```Python" renders as plain text
  // ('[Shiki] The language "Python" doesn't exist, falling back to "plaintext"') and the
  // checker gives no warning.
  it.each(['Python', 'TS', 'Bash', 'TEXT'])('does not claim %j is highlighted (Shiki is case-sensitive)', (lang) => {
    expect(isKnownFenceLanguage(lang)).toBe(false);
  });
});

describe('fenceLanguages', () => {
  it('returns the language of every opening fence with its line', () => {
    const body = [
      'Intro.', //                 10
      '```python', //              11
      'x = 1', //                  12
      '```', //                    13
      '', //                       14
      '~~~ts', //                  15
      'let a = 1;', //             16
      '~~~', //                    17
      '```', //                    18
      'no language', //            19
      '```', //                    20
    ].join('\n');
    expect(fenceLanguages(body, 10)).toEqual([
      { lang: 'python', line: 11 },
      { lang: 'ts', line: 15 },
      { lang: '', line: 18 },
    ]);
  });

  it('ignores fences shown inside a longer fence', () => {
    const body = ['````markdown', '```python', 'x = 1', '```', '````', '```bash', 'ls', '```'].join('\n');
    expect(fenceLanguages(body, 1)).toEqual([
      { lang: 'markdown', line: 1 },
      { lang: 'bash', line: 6 },
    ]);
  });

  it('does not close a backtick fence with tildes, nor with a shorter fence', () => {
    const body = ['````text', '~~~', '```', '````', '```sql', '```'].join('\n');
    expect(fenceLanguages(body, 1)).toEqual([
      { lang: 'text', line: 1 },
      { lang: 'sql', line: 5 },
    ]);
  });

  it('does not take a fence-like line with an info string for a closing fence', () => {
    const body = ['```text', '```python', '```', '```js', '```'].join('\n');
    expect(fenceLanguages(body, 1)).toEqual([
      { lang: 'text', line: 1 },
      { lang: 'js', line: 4 },
    ]);
  });

  it.each([
    ['```python title="a.py"', 'python'],
    ['```js{1,3}', 'js'],
    ['``` {.js}', ''],
    ['```   bash', 'bash'],
    ['   ```sql', 'sql'],
    ['```', ''],
  ])('reads the language of %j as %j', (fence, lang) => {
    expect(fenceLanguages(`${fence}\ncode\n\`\`\``, 1)).toEqual([{ lang, line: 1 }]);
  });

  it.each([['    ```python'], ['``python'], ['text ```python'], ['no fences here']])('sees no fence in %j', (line) => {
    expect(fenceLanguages(`${line}\ncode`, 1)).toEqual([]);
  });

  it('reports an unclosed fence', () => {
    expect(fenceLanguages('```rust\nfn main() {}', 4)).toEqual([{ lang: 'rust', line: 4 }]);
  });
});
