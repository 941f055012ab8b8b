/** <bits-filter>: tag chips and keyword search over the bits grid (see listing-filter.ts). */
import { ListingFilter } from './listing-filter';

customElements.define('bits-filter', class BitsFilter extends ListingFilter {});
