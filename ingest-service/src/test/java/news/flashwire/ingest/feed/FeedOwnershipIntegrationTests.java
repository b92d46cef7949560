package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.IngestApplication;

/**
 * Two ingest instances with the same feeds share them: each feed is polled by one of them, and when one stops the
 * other takes its feeds over.
 */
class FeedOwnershipIntegrationTests {

	private static final int PARTITIONS = 6;

	private final String bootstrapServers = System.getProperty("spring.kafka.bootstrap-servers");

	private final FeedServer server = new FeedServer();

	private final StoriesTopic stories = new StoriesTopic(bootstrapServers);

	private final List<String> sources = onePerPartition();

	@AfterEach
	void close() {
		stories.close();
		server.close();
	}

	@Test
	void eachFeedIsPolledByOneInstanceAndMovesWhenItsInstanceStops() {
		sources.forEach(name -> server.serve("/" + name, Feeds.rss("Headline of " + name), "application/rss+xml"));
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Set<String> polledByFirst = polledSources(first);
				Set<String> polledBySecond = polledSources(second);
				assertThat(polledByFirst).isNotEmpty();
				assertThat(polledBySecond).isNotEmpty();
				assertThat(polledByFirst).doesNotContainAnyElementsOf(polledBySecond);
				Set<String> all = new HashSet<>(polledByFirst);
				all.addAll(polledBySecond);
				assertThat(all).containsExactlyInAnyOrderElementsOf(sources);
			});
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> sources
				.forEach(name -> assertThat(stories.headlinesOf(name)).as(name).containsExactly("Headline of " + name)));

			Set<String> moving = polledSources(first);
			first.close();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(polledSources(second)).containsExactlyInAnyOrderElementsOf(sources));
			int before = moving.stream().mapToInt(name -> server.requestsTo("/" + name).size()).sum();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> moving.stream().mapToInt(name -> server.requestsTo("/" + name).size()).sum() > before);
			sources.forEach(name -> assertThat(stories.of(name)).as(name).hasSize(1));
		}
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers));
		String edition = Feeds.uniqueEdition();
		for (int i = 0; i < sources.size(); i++) {
			String prefix = "--flashwire.ingest.feeds.sources[" + i + "].";
			args.add(prefix + "name=" + sources.get(i));
			args.add(prefix + "url=" + server.url("/" + sources.get(i)));
			args.add(prefix + "edition=" + edition);
			args.add(prefix + "interval=300ms");
		}
		return new SpringApplicationBuilder(IngestApplication.class).initializers(OwnNettyResources::register)
			.run(args.toArray(String[]::new));
	}

	/**
	 * Two instances in one JVM: each needs its own Reactor Netty resources, or stopping one would stop the other's
	 * server with the shared global ones (as Boot's own test support arranges for {@code @SpringBootTest}).
	 */
	private static final class OwnNettyResources implements BeanPostProcessor {

		static void register(ConfigurableApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new OwnNettyResources());
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof ReactorResourceFactory factory) {
				factory.setUseGlobalResources(false);
			}
			return bean;
		}
	}

	/** Sources whose state lands in each partition of the feed-state topic, so both instances get some. */
	private static List<String> onePerPartition() {
		String[] names = new String[PARTITIONS];
		int found = 0;
		while (found < PARTITIONS) {
			String name = Feeds.uniqueName("shared");
			int partition = FeedOwnership.partitionOf(name, PARTITIONS);
			if (names[partition] == null) {
				names[partition] = name;
				found++;
			}
		}
		return List.of(names);
	}

	@SuppressWarnings("unchecked")
	private static Set<String> polledSources(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		Map<String, Object> health = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.build()
			.get()
			.uri("/actuator/health/feeds")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return ((Map<String, Object>) ((Map<String, Object>) health.get("details")).get("sources")).keySet();
	}
}
