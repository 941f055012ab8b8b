/** <feed-filter>: search, tag chips and track filter over the shorts feed (see listing-filter.ts). */
import { ListingFilter } from './listing-filter';
import { shortCard } from './listing-cards';
import type { ShortListingEntry } from '../lib/listing-pages';

customElements.define(
  'feed-filter',
  class FeedFilter extends ListingFilter<ShortListingEntry> {
    /** Track labels, as the track select names them. */
    private trackLabels?: Map<string, string>;

    protected card(entry: ShortListingEntry, tagBase: string) {
      this.trackLabels ??= new Map([...this.querySelectorAll<HTMLOptionElement>('select[name="track"] option')].map((o) => [o.value, o.textContent ?? o.value]));
      return shortCard(entry, tagBase, entry.track ? (this.trackLabels.get(entry.track) ?? entry.track) : undefined);
    }
  },
);
