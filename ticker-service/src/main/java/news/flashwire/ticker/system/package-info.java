@NullMarked
package news.flashwire.ticker.system;

import org.jspecify.annotations.NullMarked;
