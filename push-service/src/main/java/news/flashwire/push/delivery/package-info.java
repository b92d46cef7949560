@NullMarked
package news.flashwire.push.delivery;

import org.jspecify.annotations.NullMarked;
