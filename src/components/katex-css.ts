// The URL of KaTeX's stylesheet as the build emits it (its fonts are emitted and rewritten alongside).
import katexCss from 'katex/dist/katex.min.css?url';

export const katexCssUrl: string = katexCss;
