package news.flashwire.ingest.agency;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Agencies push IPTC NewsML-G2 here: one {@code newsItem}, or a {@code newsMessage} of items. The items take the same
 * path as ninjs documents, so every story rule applies. A single item that cannot be read is a 400, one over the
 * per-document limit a 413; the items of a message are each all-or-nothing with their own result.
 */
@RestController
class NewsmlController {

	static final String NEWS_ITEM = "application/vnd.iptc.g2.newsitem+xml";

	static final String NEWS_MESSAGE = "application/vnd.iptc.g2.newsmessage+xml";

	private final EmbargoHold hold;

	private final AgencySettings settings;

	NewsmlController(EmbargoHold hold, AgencySettings settings) {
		this.hold = hold;
		this.settings = settings;
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories",
			consumes = { NEWS_ITEM, NEWS_MESSAGE, MediaType.APPLICATION_XML_VALUE })
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@PathVariable String agency, @RequestBody Flux<DataBuffer> body) {
		AgencyDeliveries.checkName(agency);
		AgencySettings.Source source = settings.source(agency);
		long maxBytes = settings.maxDocumentSize().toBytes();
		return AgencyDeliveries.body(body, settings.maxRequestSize()).flatMap(bytes -> {
			Document document = NewsmlDocuments.parse(bytes);
			if (NewsmlDocuments.isNewsItem(document)) {
				if (bytes.length > maxBytes) {
					throw new DocumentTooLarge(maxBytes);
				}
				Element item = document.getDocumentElement();
				return AgencyDeliveries.publishEach(hold,
						List.of(Reading.of(NewsmlItem.read(agency, item, source), NewsmlItem.embargo(item))));
			}
			List<Reading> readings = NewsmlDocuments
				.items(document, settings.maxDocuments(), maxBytes, bytes.length > maxBytes)
				.stream()
				.map(delivered -> delivered.item() == null ? Reading.refused(delivered.refused())
						: read(agency, delivered.item(), source))
				.toList();
			return AgencyDeliveries.publishEach(hold, readings);
		});
	}

	private static Reading read(String agency, Element item, AgencySettings.Source source) {
		try {
			return Reading.of(NewsmlItem.read(agency, item, source), NewsmlItem.embargo(item));
		}
		catch (UnreadableStory ex) {
			return Reading.refused(ex.getBody().getDetail());
		}
	}
}
