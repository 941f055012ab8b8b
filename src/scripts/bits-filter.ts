/** <bits-filter>: tag chips and keyword search over the bits grid (see listing-filter.ts). */
import { ListingFilter } from './listing-filter';
import { bitCard } from './listing-cards';
import type { BitListingEntry } from '../lib/listing-pages';

customElements.define(
  'bits-filter',
  class BitsFilter extends ListingFilter<BitListingEntry> {
    protected card(entry: BitListingEntry, tagBase: string) {
      return bitCard(entry, tagBase);
    }
  },
);
