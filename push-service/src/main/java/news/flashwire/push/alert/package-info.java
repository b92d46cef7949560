@NullMarked
package news.flashwire.push.alert;

import org.jspecify.annotations.NullMarked;
