package news.flashwire.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * One conditional GET of a feed: {@code If-None-Match} and {@code If-Modified-Since} from the last document read, the
 * whole exchange (redirects and body included) within the source's timeout, and at most {@code max-size} read.
 * Redirects are followed only within the feed's own host (same port, or https), at most {@value #MAX_REDIRECTS} times: a feed must
 * not be able to send ingest's requests to another host (an internal address, say) by answering with a redirect.
 */
@Component
class FeedFetcher {

	static final int MAX_REDIRECTS = 3;

	private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

	private final WebClient client;

	private final FeedSettings settings;

	FeedFetcher(FeedSettings settings) {
		this.settings = settings;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
			.followRedirect(false);
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) settings.maxSize().toBytes()))
			.build();
	}

	/** The document, or {@link Fetched#notModified()}; fails with {@link FeedPollFailed}. */
	Mono<Fetched> fetch(FeedSettings.Source source, FeedState state) {
		Duration timeout = settings.timeoutOf(source);
		return get(source.url(), source.url(), state, 0)
			.timeout(timeout, Mono.error(() -> new FeedPollFailed("no complete answer within " + timeout)))
			.onErrorMap(DataBufferLimitException.class,
					ex -> new FeedPollFailed("larger than " + settings.maxSize().toBytes() + " bytes"))
			.onErrorMap(ex -> !(ex instanceof FeedPollFailed), ex -> new FeedPollFailed("cannot be read: " + ex));
	}

	private Mono<Fetched> get(URI url, URI origin, FeedState state, int redirects) {
		return client.get().uri(url).headers(headers -> {
			headers.set(HttpHeaders.ACCEPT, ACCEPT);
			if (state.etag() != null) {
				headers.set(HttpHeaders.IF_NONE_MATCH, state.etag());
			}
			if (state.lastModified() != null) {
				headers.set(HttpHeaders.IF_MODIFIED_SINCE, state.lastModified());
			}
		}).exchangeToMono(response -> answer(response, url, origin, state, redirects));
	}

	private Mono<Fetched> answer(ClientResponse response, URI url, URI origin, FeedState state, int redirects) {
		HttpStatusCode status = response.statusCode();
		if (status.value() == 304) {
			return response.releaseBody().thenReturn(Fetched.notModified());
		}
		if (status.is3xxRedirection()) {
			URI next = redirectTarget(response, url, origin, redirects);
			return response.releaseBody().then(Mono.defer(() -> get(next, origin, state, redirects + 1)));
		}
		if (!status.is2xxSuccessful()) {
			return response.releaseBody().then(Mono.error(new FeedPollFailed("answered HTTP " + status.value())));
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		String contentType = response.headers().contentType().map(MediaType::toString).orElse(null);
		return response.bodyToMono(byte[].class)
			.switchIfEmpty(Mono.error(() -> new FeedPollFailed("answered with an empty body")))
			.map(body -> new Fetched(body, contentType, headers.getETag(), headers.getFirst(HttpHeaders.LAST_MODIFIED)));
	}

	private static URI redirectTarget(ClientResponse response, URI url, URI origin, int redirects) {
		URI location = response.headers().asHttpHeaders().getLocation();
		if (location == null) {
			throw new FeedPollFailed("answered HTTP " + response.statusCode().value() + " without a Location");
		}
		URI next = url.resolve(location);
		if (!sameOrigin(origin, next)) {
			throw new FeedPollFailed("redirected to another host (" + next.getHost() + "), not followed");
		}
		if (redirects >= MAX_REDIRECTS) {
			throw new FeedPollFailed("more than " + MAX_REDIRECTS + " redirects");
		}
		return next;
	}

	// The same host and port, or the same host moved to https.
	private static boolean sameOrigin(URI origin, URI next) {
		if (!origin.getHost().equalsIgnoreCase(Objects.requireNonNullElse(next.getHost(), ""))) {
			return false;
		}
		boolean samePort = port(origin) == port(next) && origin.getScheme().equalsIgnoreCase(next.getScheme());
		return samePort || ("https".equalsIgnoreCase(next.getScheme()) && port(next) == 443);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** A feed document with its validators, or nothing new since the validators sent. */
	record Fetched(byte @Nullable [] body, @Nullable String contentType, @Nullable String etag,
			@Nullable String lastModified) {

		static Fetched notModified() {
			return new Fetched(null, null, null, null);
		}

		boolean modified() {
			return body != null;
		}
	}
}
