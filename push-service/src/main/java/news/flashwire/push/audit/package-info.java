/** The delivery audit: per alert, what was matched, delivered, retried, failed, expired and removed, and when. */
@NullMarked
package news.flashwire.push.audit;

import org.jspecify.annotations.NullMarked;
