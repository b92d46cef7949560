@NullMarked
package news.flashwire.ticker.headline;

import org.jspecify.annotations.NullMarked;
