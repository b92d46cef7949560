@NullMarked
package news.flashwire.push.subscription;

import org.jspecify.annotations.NullMarked;
