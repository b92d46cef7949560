@NullMarked
package news.flashwire.push.delivery.webhook;

import org.jspecify.annotations.NullMarked;
