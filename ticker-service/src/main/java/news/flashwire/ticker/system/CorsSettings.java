package news.flashwire.ticker.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which sites may read the ticker from their pages' scripts.
 *
 * @param allowedOrigins origins such as {@code https://news.example}, or {@code *} for any site (public read)
 */
@ConfigurationProperties("flashwire.ticker.cors")
record CorsSettings(@DefaultValue("*") List<String> allowedOrigins) {
}
