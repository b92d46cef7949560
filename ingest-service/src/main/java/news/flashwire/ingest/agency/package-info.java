@NullMarked
package news.flashwire.ingest.agency;

import org.jspecify.annotations.NullMarked;
