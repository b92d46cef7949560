/**
 * The newsroom page: a signed-in editor's desk in the browser, with its own cookie session and CSRF protection, beside
 * the HTTP Basic API that agencies and scripts use.
 */
@NullMarked
package news.flashwire.ingest.desk;

import org.jspecify.annotations.NullMarked;
