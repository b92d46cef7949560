package news.flashwire.ingest.desk;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the page at {@code /newsroom/}; its script and style sheet are static resources beside it. */
@Configuration(proxyBeanMethods = false)
class DeskPage {

	private static final Resource PAGE = new ClassPathResource("static/newsroom/index.html");

	@Bean
	RouterFunction<ServerResponse> newsroomPage() {
		return RouterFunctions.route()
			.GET("/newsroom", request -> ServerResponse.permanentRedirect(URI.create("/newsroom/")).build())
			.GET("/newsroom/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(PAGE))
			.build();
	}
}
