@NullMarked
package news.flashwire.ingest.system;

import org.jspecify.annotations.NullMarked;
