/** Web Push (RFC 8030, 8291, 8292) to browsers, through zerodep-web-push. */
@NullMarked
package news.flashwire.push.delivery.webpush;

import org.jspecify.annotations.NullMarked;
