package news.flashwire.ticker.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Lets embedding sites read headlines, streams and feeds from the browser: read-only, without credentials. */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebFluxConfigurer {

	private final CorsSettings settings;

	CorsConfiguration(CorsSettings settings) {
		this.settings = settings;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/v1/**")
			.allowedOrigins(settings.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "HEAD")
			.allowedHeaders("Last-Event-ID", "If-None-Match", "Cache-Control")
			.exposedHeaders("ETag", "Retry-After")
			.allowCredentials(false)
			.maxAge(3600);
	}
}
