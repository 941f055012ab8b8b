/**
 * The only script on plain pages: the theme toggle and the copy buttons on
 * code blocks. The theme itself is applied before paint by the inline script
 * in the layout's <head>; this file only reacts to clicks.
 */
const STORAGE_KEY = 'garden-theme';
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function applyTheme(theme: Theme, button: HTMLButtonElement) {
  document.documentElement.dataset.theme = theme;
  const next = theme === 'dark' ? 'light' : 'dark';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
  button.setAttribute('aria-pressed', String(theme === 'dark'));
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    button.hidden = false;
    applyTheme(currentTheme(), button);
    button.addEventListener('click', () => {
      const theme: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      applyTheme(theme, button);
      try {
        localStorage.setItem(STORAGE_KEY, theme);
      } catch {
        // Storage may be disabled; the choice then lasts for this page only.
      }
    });
  }
}
customElements.define('theme-toggle', ThemeToggle);

async function copyCode(button: HTMLButtonElement) {
  // The button sits in the bar above its block (rehype-code-copy.ts).
  const block = button.closest('.code-block');
  const code = block?.querySelector('pre code')?.textContent ?? '';
  try {
    await navigator.clipboard.writeText(code);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Press Ctrl+C';
    const range = document.createRange();
    const pre = block?.querySelector('pre');
    if (pre) {
      range.selectNodeContents(pre);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  }
  setTimeout(() => (button.textContent = 'Copy'), 1600);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-code]')) button.hidden = false;
// Delegated, so code blocks added later (a snippet opened on the /bits/ grid) copy too.
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy-code]');
  if (button) void copyCode(button);
});

// The phone's section menu (a <details>, so it works without JavaScript) closes as menus do: Esc, or a click elsewhere.
const openMenus = () => document.querySelectorAll<HTMLDetailsElement>('details.site-menu[open]');
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const menu of openMenus()) {
    menu.open = false;
    menu.querySelector('summary')?.focus();
  }
});
document.addEventListener('click', (event) => {
  for (const menu of openMenus()) if (!menu.contains(event.target as Node)) menu.open = false;
});
