/**
 * RSS and Atom feeds that ingest polls: each configured source on its own schedule, with conditional GET, a timeout
 * and a size cap; every new item goes through the same story intake as agency documents.
 */
@NullMarked
package news.flashwire.ingest.feed;

import org.jspecify.annotations.NullMarked;
