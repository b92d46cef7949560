@NullMarked
package news.flashwire.ingest.newsroom;

import org.jspecify.annotations.NullMarked;
