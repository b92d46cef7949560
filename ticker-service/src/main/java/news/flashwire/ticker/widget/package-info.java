@org.jspecify.annotations.NullMarked
package news.flashwire.ticker.widget;
