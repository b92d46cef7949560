package news.flashwire.ticker.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

import io.micrometer.observation.ObservationPredicate;

/**
 * Streams are not observed as HTTP requests: a stream lasts as long as the reader stays, so its trace span and
 * request timer would be held open (memory on every connection) and report nothing useful. Streams have their own
 * metrics: connections, events sent and readers dropped per edition.
 */
@Configuration(proxyBeanMethods = false)
class StreamObservations {

	@Bean
	ObservationPredicate streamsAreNotObservedAsRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& isStream(request.getCarrier().getPath().value()));
	}

	static boolean isStream(String path) {
		return path.equals("/v1/stream") || (path.startsWith("/v1/editions/") && path.endsWith("/stream"));
	}
}
