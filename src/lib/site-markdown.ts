import { inlineMarkdownRenderer } from './markdown/inline-markdown';
import { siteConfig } from '../site.config';

/**
 * Inline Markdown of text kept in YAML (quiz facts) for this build, links
 * under its configured base path (SITE_BASE), read from site.config as
 * site-urls.ts does.
 */
export const renderFactText = inlineMarkdownRenderer({ base: siteConfig.base });
