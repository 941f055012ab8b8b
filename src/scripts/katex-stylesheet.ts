/** Links KaTeX's stylesheet (its URL from the build, a data-katex-css attribute) once, for typeset math fetched into a page that had none. */
export function loadKatexStylesheet(href: string | undefined) {
  if (!href || document.querySelector(`link[href="${href}"]`)) return;
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = href;
  document.head.append(sheet);
}
