@NullMarked
package news.flashwire.ingest.replay;

import org.jspecify.annotations.NullMarked;
