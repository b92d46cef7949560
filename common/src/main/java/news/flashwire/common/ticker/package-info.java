@NullMarked
package news.flashwire.common.ticker;

import org.jspecify.annotations.NullMarked;
