// The URL of KaTeX's stylesheet as the build emits it (its fonts are emitted and rewritten alongside).
import katexCss from 'katex/dist/katex.min.css?url';
// The two faces nearly every formula uses (upright text and digits, italic letters), the same files the stylesheet
// points to: preloaded, they arrive before the first layout instead of laying every formula out a second time.
import mainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';

export const katexCssUrl: string = katexCss;
export const katexFontUrls: readonly string[] = [mainRegular, mathItalic];
