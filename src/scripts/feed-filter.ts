/** <feed-filter>: search, tag chips and track filter over the shorts feed (see listing-filter.ts). */
import { ListingFilter } from './listing-filter';

customElements.define('feed-filter', class FeedFilter extends ListingFilter {});
