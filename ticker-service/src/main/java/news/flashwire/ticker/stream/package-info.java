@NullMarked
package news.flashwire.ticker.stream;

import org.jspecify.annotations.NullMarked;
