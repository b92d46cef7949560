/**
 * Credentials managed through the admin API beside the configured ones: kept as bcrypt hashes on a compacted topic,
 * read by every ingest instance, and the one directory HTTP Basic and the newsroom page sign-in look names up in.
 */
@NullMarked
package news.flashwire.ingest.credential;

import org.jspecify.annotations.NullMarked;
