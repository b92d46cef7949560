package news.flashwire.ticker.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import reactor.netty.resources.LoopResources;

/**
 * The HTTP server's own event loops when {@code flashwire.ticker.http-event-loops} is set. Reactor Netty's default is
 * at least four, whatever the cores: on a small machine that is more threads writing streams than cores to run them,
 * beside the Kafka threads every change has to pass first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("flashwire.ticker.http-event-loops")
class HttpEventLoops {

	@Bean(destroyMethod = "dispose")
	LoopResources tickerHttpLoops(Environment environment) {
		int loops = environment.getRequiredProperty("flashwire.ticker.http-event-loops", Integer.class);
		if (loops < 1) {
			throw new IllegalStateException("flashwire.ticker.http-event-loops must be at least 1, not " + loops);
		}
		return LoopResources.create("ticker-http", loops, true);
	}

	@Bean
	NettyServerCustomizer runOnTickerHttpLoops(LoopResources tickerHttpLoops) {
		return server -> server.runOn(tickerHttpLoops);
	}
}
