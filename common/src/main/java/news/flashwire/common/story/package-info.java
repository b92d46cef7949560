@NullMarked
package news.flashwire.common.story;

import org.jspecify.annotations.NullMarked;
