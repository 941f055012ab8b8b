import { gardenUrls } from './urls';
import { siteConfig } from '../site.config';

/**
 * The garden's URLs for this build, under its configured base path. Read from
 * site.config (SITE_BASE), the one place astro.config reads it too, rather than
 * import.meta.env.BASE_URL: Astro lets a BASE_URL variable in the environment
 * (Vitest sets one, so may a CI runner) override that at render time.
 */
export const urls = gardenUrls(siteConfig.base);
