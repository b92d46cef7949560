/** Embargoed stories: held on a compacted Kafka topic, released on time, canceled by a kill. */
@NullMarked
package news.flashwire.ingest.embargo;

import org.jspecify.annotations.NullMarked;
