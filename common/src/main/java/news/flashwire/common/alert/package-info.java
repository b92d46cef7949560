@NullMarked
package news.flashwire.common.alert;

import org.jspecify.annotations.NullMarked;
