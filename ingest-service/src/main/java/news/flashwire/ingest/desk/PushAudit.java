package news.flashwire.ingest.desk;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Reads push-service's delivery audit with the audit token ({@code flashwire.ingest.newsroom.push-audit-token}). An
 * alert push-service has recorded nothing for yet has no deliveries yet; anything else that goes wrong is push-service
 * being unavailable to the page, never a guess.
 */
@Component
class PushAudit {

	private static final Logger log = LoggerFactory.getLogger(PushAudit.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final WebClient push;

	PushAudit(WebClient.Builder builder, DeskSettings settings) {
		String token = settings.pushAuditToken();
		this.push = builder.clone().baseUrl(settings.pushUrl().toString()).defaultHeaders(headers -> {
			if (token != null && !token.isBlank()) {
				headers.setBearerAuth(token.strip());
			}
		}).build();
		if (token == null || token.isBlank()) {
			log.warn("No flashwire.ingest.newsroom.push-audit-token: the newsroom page cannot show delivery progress");
		}
	}

	Mono<DeliveryProgress> progress(String alertId) {
		return push.get()
			.uri("/v1/alerts/{id}/deliveries", alertId)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(response -> read(alertId, response))
			.timeout(TIMEOUT)
			.onErrorMap(ex -> !(ex instanceof DeliveriesUnavailable), ex -> {
				log.warn("Could not read the deliveries of {} from push-service: {}", alertId, ex.toString());
				return new DeliveriesUnavailable();
			});
	}

	private static Mono<DeliveryProgress> read(String alertId, ClientResponse response) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(DeliveryProgress.Audit.class)
				.map(audit -> DeliveryProgress.of(alertId, audit))
				.defaultIfEmpty(DeliveryProgress.none(alertId));
		}
		if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
			return response.releaseBody().thenReturn(DeliveryProgress.none(alertId));
		}
		if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
			log.warn("push-service refused the audit token: check flashwire.ingest.newsroom.push-audit-token against "
					+ "flashwire.push.audit.tokens");
		}
		return response.releaseBody().then(Mono.error(DeliveriesUnavailable::new));
	}
}
