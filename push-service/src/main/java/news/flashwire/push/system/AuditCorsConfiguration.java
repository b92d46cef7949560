package news.flashwire.push.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Lets the newsroom page read an alert's delivery audit from the browser: that one read-only endpoint, from the listed
 * origins only, without credentials. Nothing else of push-service answers other sites' scripts.
 */
@Configuration(proxyBeanMethods = false)
class AuditCorsConfiguration implements WebFluxConfigurer {

	private final AuditCorsSettings settings;

	AuditCorsConfiguration(AuditCorsSettings settings) {
		this.settings = settings;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/v1/alerts/*/deliveries")
			.allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET")
			.allowCredentials(false)
			.maxAge(3600);
	}
}
