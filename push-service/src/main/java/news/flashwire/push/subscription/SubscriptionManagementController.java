package news.flashwire.push.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.push.audit.LastOutcomes;
import news.flashwire.push.delivery.DeadLetters;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Read, change or delete a subscription, only with its own management token, on any instance. */
@RestController
class SubscriptionManagementController {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionManagementController.class);

	private final SubscriptionReader reader;

	private final SubscriptionWriter writer;

	private final DeadLetters deadLetters;

	private final LastOutcomes lastOutcomes;

	SubscriptionManagementController(SubscriptionReader reader, SubscriptionWriter writer, DeadLetters deadLetters,
			LastOutcomes lastOutcomes) {
		this.reader = reader;
		this.writer = writer;
		this.deadLetters = deadLetters;
		this.lastOutcomes = lastOutcomes;
	}

	@GetMapping("/v1/subscriptions/{id}")
	Mono<SubscriptionView> show(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return authorized(id, authorization).map(this::view);
	}

	@PatchMapping("/v1/subscriptions/{id}")
	Mono<SubscriptionView> change(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody SubscriptionChanges changes) {
		return authorized(id, authorization).flatMap(current -> {
			Filters filters = FilterRequests.change(current.filters(), changes);
			Instant disabledAt = changes.enabled() == null ? current.disabledAt()
					: changes.enabled() ? null : current.disabledAt() != null ? current.disabledAt() : Instant.now();
			log.info("Changed subscription {}: filters {}, enabled {}", id, filters, disabledAt == null);
			return writer.write(current.with(filters, disabledAt));
		}).map(this::view);
	}

	private SubscriptionView view(Subscription subscription) {
		return SubscriptionView.of(subscription, lastOutcomes.of(subscription.id()).orElse(null));
	}

	@DeleteMapping("/v1/subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return authorized(id, authorization).flatMap(subscription -> writer.delete(subscription.id()))
			.doOnSuccess(done -> log.info("Deleted subscription {}", id));
	}

	@PostMapping("/v1/subscriptions/{id}/redeliveries")
	Mono<java.util.Map<String, Integer>> redeliver(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		return authorized(id, authorization)
			.flatMap(subscription -> Mono.fromCallable(() -> deadLetters.redeliver(subscription.id()))
				.subscribeOn(Schedulers.boundedElastic()))
			.map(count -> java.util.Map.of("redelivered", count));
	}

	private Mono<Subscription> authorized(String id, @Nullable String authorization) {
		String token = ManagementToken.bearer(authorization);
		if (token == null) {
			return Mono.error(new TokenRequired());
		}
		return Mono.fromCallable(() -> reader.find(id))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(ex -> !(ex instanceof org.springframework.web.ErrorResponseException), SubscriptionsUnavailable::new)
			.flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(new SubscriptionNotFound(id))))
			.filter(subscription -> ManagementToken.matches(token, subscription.tokenHash()))
			.switchIfEmpty(Mono.error(TokenRefused::new));
	}
}
