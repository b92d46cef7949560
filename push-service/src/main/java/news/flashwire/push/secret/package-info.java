/** Encryption at rest of the webhook secrets kept on the subscriptions topic. */
@NullMarked
package news.flashwire.push.secret;

import org.jspecify.annotations.NullMarked;
