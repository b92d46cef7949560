package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.UnreadableStory;

/** NewsML-G2 newsItems, IPTC's own and agency-shaped ones, read into the same stories as ninjs documents. */
class NewsmlItemTests {

	static final AgencySettings.Source AFP = new AgencySettings.Source(1, 2, AgencySettings.Validation.DIAGNOSTIC);

	@Test
	void readsTheGuidelinesNewsItem() {
		byte[] listing = NewsmlStories.iptc("LISTING_1_A_NewsML-G2_News_Item.xml");
		IncomingStory story = read(listing);

		assertThat(story.storyId().value()).isEqualTo("afp:urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
		assertThat(story.version()).isEqualTo(11);
		assertThat(story.status()).isEqualTo(IncomingStory.Status.USABLE);
		assertThat(story.story().headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
		assertThat(story.story().edition().code()).as("from the item's xml:lang en-GB").isEqualTo("en");
		assertThat(story.story().urgency()).as("no urgency: routine").isEqualTo(Urgency.ROUTINE);
		assertThat(story.story().publishedAt()).isEqualTo(Instant.parse("2018-10-21T21:25:32Z"));
		assertThat(story.story().link())
			.isEqualTo(URI.create("http://www.example.com/video/20081222-PNN-1517-407624/index.html"));
		assertThat(embargo(listing)).isEqualTo(Embargo.until(Instant.parse("2018-10-23T12:00:00Z")));
	}

	@Test
	void readsTheLanguageElementAndAMultiLineHeadline() {
		IncomingStory text = read(NewsmlStories.iptc("LISTING_2_NewsML-G2_Text_Document.xml"));
		IncomingStory photo = read(NewsmlStories.iptc("LISTING_3_Photo_in_NewsML-G2.xml"));

		assertThat(text.story().edition().code()).isEqualTo("en");
		assertThat(photo.story().headline()).isEqualTo("Variety Of Recessionary Forces Leave Las Vegas Economy Scarred");
	}

	@Test
	void readsARoundTrippedItemWithNitfContent() {
		IncomingStory story = read(NewsmlStories.iptc("008_roundtrip_test.xml"));

		assertThat(story.story().headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
	}

	@Test
	void refusesAnItemWithoutHeadline() {
		assertThat(problem(NewsmlStories.iptc("001_simplest_file.xml"))).isEqualTo("headline is required");
	}

	@Test
	void mapsUrgencyByTheAgencyThresholdsAndAFlaggedHeadline() {
		String guid = NewsmlStories.uniqueGuid();
		assertThat(read(NewsmlStories.newsItem(guid, "ar", "زلزال بقوة 6.1 درجة يضرب جنوب تركيا", 1)).story().urgency())
			.isEqualTo(Urgency.BREAKING);
		assertThat(read(NewsmlStories.newsItem(guid, "en", "Storm reaches the coast", 2)).story().urgency())
			.isEqualTo(Urgency.URGENT);
		IncomingStory flagged = read(NewsmlStories.newsItem(guid, "ar", "عاجل | انفجار في مرفأ بيروت", 5));
		assertThat(flagged.story().urgency()).isEqualTo(Urgency.BREAKING);
		assertThat(flagged.story().headline()).isEqualTo("انفجار في مرفأ بيروت");
	}

	@Test
	void readsCanceledAndWithheldAsKills() {
		String guid = NewsmlStories.uniqueGuid();
		IncomingStory canceled = read(NewsmlStories.newsItem(guid, 3, "canceled", "en", "Withdrawn", 5, ""));
		IncomingStory withheld = read(NewsmlStories.newsItem(guid, 3, "withheld", "en", "Withdrawn", 5, ""));

		assertThat(canceled.status()).isEqualTo(IncomingStory.Status.KILLED);
		assertThat(canceled.killReason()).isEqualTo("canceled by afp");
		assertThat(withheld.status()).isEqualTo(IncomingStory.Status.KILLED);
		assertThat(canceled.version()).isEqualTo(3);
	}

	@Test
	void readsAPubStatusGivenAsAUri() {
		String item = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Withdrawn", 5)
			.replace("qcode=\"stat:usable\"", "uri=\"http://cv.iptc.org/newscodes/pubstatusg2/canceled\"");

		assertThat(read(item).status()).isEqualTo(IncomingStory.Status.KILLED);
	}

	@Test
	void refusesAnUnknownPubStatus() {
		String item = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), 1, "cancelled", "en", "Typo", 5, "");

		assertThat(problem(item)).startsWith("pubStatus must be");
	}

	@Test
	void holdsAnEmbargoWithoutZoneForAnEditor() {
		String zoned = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), 1, "usable", "en", "Results", 5,
				"<embargoed>2026-12-01T08:00:00+01:00</embargoed>");
		String dateOnly = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), 1, "usable", "en", "Results", 5,
				"<embargoed>2026-12-01</embargoed>");
		String empty = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), 1, "usable", "en", "Results", 5,
				"<embargoed/>");

		assertThat(embargo(zoned)).isEqualTo(Embargo.until(Instant.parse("2026-12-01T07:00:00Z")));
		assertThat(embargo(dateOnly).embargoed()).isTrue();
		assertThat(embargo(dateOnly).until()).isNull();
		assertThat(embargo(empty).until()).isNull();
		assertThat(embargo(NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Now", 5))).isEqualTo(Embargo.NONE);
	}

	@Test
	void neverReadsTheEditorsNote() {
		IncomingStory story = read(NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Minister resigns", 5));

		assertThat(story.story().toString()).doesNotContain("aide");
	}

	@Test
	void refusesAnItemWithoutGuidOrWithABadVersionUrgencyOrLanguage() {
		String guid = NewsmlStories.uniqueGuid();
		String item = NewsmlStories.newsItem(guid, "en", "Headline", 5);

		assertThat(problem(item.replace(" guid=\"" + guid + "\"", ""))).isEqualTo("guid is required");
		assertThat(problem(item.replace("version=\"1\"", "version=\"one\""))).startsWith("version must be");
		assertThat(problem(item.replace("<urgency>5</urgency>", "<urgency>12</urgency>"))).startsWith("urgency must be");
		assertThat(problem(item.replace("xml:lang=\"en\"", ""))).startsWith("language is required");
		assertThat(problem(item.replace("xml:lang=\"en\"", "xml:lang=\"English!\""))).startsWith("language:");
		assertThat(problem(item.replace("2026-11-29T10:00:00Z", "yesterday"))).startsWith("versionCreated");
	}

	@Test
	void readsAnItemWithoutNamespaceAsRealAgencyCopySometimesIs() {
		String item = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "sv", "Regeringen avgår", 3)
			.replace(" xmlns=\"http://iptc.org/std/nar/2006-10-01/\"", "");

		assertThat(read(item).story().edition().code()).isEqualTo("sv");
	}

	static IncomingStory read(String xml) {
		return read(xml.getBytes(StandardCharsets.UTF_8));
	}

	static IncomingStory read(byte[] xml) {
		Document document = NewsmlDocuments.parse(xml);
		return NewsmlItem.read("afp", document.getDocumentElement(), AFP);
	}

	private static Embargo embargo(String xml) {
		return embargo(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static Embargo embargo(byte[] xml) {
		return NewsmlItem.embargo(NewsmlDocuments.parse(xml).getDocumentElement());
	}

	private static String problem(String xml) {
		return problem(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String problem(byte[] xml) {
		UnreadableStory refused = catchThrowableOfType(UnreadableStory.class, () -> read(xml));
		assertThat(refused).as("refused").isNotNull();
		return refused.getBody().getDetail();
	}
}
