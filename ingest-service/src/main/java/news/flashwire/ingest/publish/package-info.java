@NullMarked
package news.flashwire.ingest.publish;

import org.jspecify.annotations.NullMarked;
