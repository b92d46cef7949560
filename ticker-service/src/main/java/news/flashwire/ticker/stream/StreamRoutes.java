package news.flashwire.ticker.stream;

import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The stream endpoints as functional routes rather than controller methods: an annotated handler keeps its
 * per-request invocation state (argument resolver cache, model, binding context) for as long as the response runs,
 * which for a stream is hours and a few kilobytes on every connection. Refusals render as problem+json, as the
 * controllers' do.
 */
@Configuration(proxyBeanMethods = false)
class StreamRoutes {

	@Bean
	RouterFunction<ServerResponse> tickerStreams(TickerStreamController streams) {
		return RouterFunctions.route()
			.GET("/v1/editions/{edition}/stream", accept(MediaType.TEXT_EVENT_STREAM),
					request -> Mono.defer(() -> streams.stream(request)))
			.GET("/v1/stream", accept(MediaType.TEXT_EVENT_STREAM),
					request -> Mono.defer(() -> streams.streamOfEditions(request)))
			.onError(ErrorResponse.class::isInstance, StreamRoutes::problem)
			.build();
	}

	private static Mono<ServerResponse> problem(Throwable refusal, ServerRequest request) {
		ErrorResponse error = (ErrorResponse) refusal;
		ProblemDetail problem = error.getBody();
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.path()));
		}
		return ServerResponse.status(error.getStatusCode())
			.headers(headers -> headers.addAll(error.getHeaders()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem);
	}
}
