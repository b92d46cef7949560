@NullMarked
package news.flashwire.ticker.feed;

import org.jspecify.annotations.NullMarked;
