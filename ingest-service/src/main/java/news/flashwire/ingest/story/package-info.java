@NullMarked
package news.flashwire.ingest.story;

import org.jspecify.annotations.NullMarked;
