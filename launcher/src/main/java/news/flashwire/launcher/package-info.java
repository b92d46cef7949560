/**
 * Runs Flashwire on one machine: a single-node Kafka broker and the three services, each in its own JVM.
 */
@NullMarked
package news.flashwire.launcher;

import org.jspecify.annotations.NullMarked;
