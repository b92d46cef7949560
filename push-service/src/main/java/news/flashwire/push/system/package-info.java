@NullMarked
package news.flashwire.push.system;

import org.jspecify.annotations.NullMarked;
