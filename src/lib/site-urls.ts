import { gardenUrls } from './urls';

/** The garden's URLs for this build, under its configured base path. */
export const urls = gardenUrls(import.meta.env.BASE_URL);
