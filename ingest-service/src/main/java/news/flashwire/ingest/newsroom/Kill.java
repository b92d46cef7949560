package news.flashwire.ingest.newsroom;

import org.jspecify.annotations.Nullable;

/** Why an item is withdrawn. */
record Kill(@Nullable String reason) {
}
