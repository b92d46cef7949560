package news.flashwire.push.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which pages may read delivery audits from the browser.
 *
 * @param allowedOrigins origins such as {@code https://newsroom.example}; by default the local newsroom page
 */
@ConfigurationProperties("flashwire.push.audit.cors")
record AuditCorsSettings(@DefaultValue({ "http://127.0.0.1:8081", "http://localhost:8081" }) List<String> allowedOrigins) {
}
