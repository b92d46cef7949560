@NullMarked
package news.flashwire.common.event;

import org.jspecify.annotations.NullMarked;
