package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.story.IncomingStory;

class FeedDocumentTests {

	private final FeedSettings.Source byGuid = Feeds.source("wire", "http://127.0.0.1/feed.xml",
			FeedSettings.Identity.GUID);

	@Test
	void readsRssItemsOldestFirstIdentifiedByGuid() {
		List<FeedItem> items = FeedDocument.read(byGuid, Feeds.real("rss_2.0.xml"), "application/rss+xml");

		assertThat(items).extracting(FeedItem::identity)
			.containsExactly("rss_2.0.channel.item[1].guid", "rss_2.0.channel.item[0].guid");
		IncomingStory first = items.get(1).story();
		assertThat(first.storyId().value()).isEqualTo("wire:rss_2.0.channel.item[0].guid");
		assertThat(first.story().headline()).isEqualTo("rss_2.0.channel.item[0].title");
		assertThat(first.story().publishedAt()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
		assertThat(first.story().edition().code()).isEqualTo("en");
		assertThat(first.story().urgency()).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void readsAtomEntriesIdentifiedByTheirIds() {
		List<FeedItem> items = FeedDocument.read(byGuid, Feeds.real("atom_1.0.xml"), "application/atom+xml");

		assertThat(items).extracting(FeedItem::identity)
			.containsExactly("http://example.com/blog/entry2", "http://example.com/blog/entry1");
		assertThat(items.get(1).story().story().link()).hasToString("http://example.com/blog/entry1");
	}

	@Test
	void aFeedThatRepeatsItsGuidHasDistinctItemsOnlyByTitleAndDate() {
		byte[] repeating = Feeds.real("issue137-rss.xml");

		List<FeedItem> byGuidItems = FeedDocument.read(byGuid, repeating, "application/rss+xml");
		List<FeedItem> byLink = FeedDocument.read(Feeds.source("moe", "http://127.0.0.1/f", FeedSettings.Identity.LINK),
				repeating, "application/rss+xml");
		List<FeedItem> byTitleAndDate = FeedDocument.read(
				Feeds.source("moe", "http://127.0.0.1/f", FeedSettings.Identity.TITLE_AND_DATE), repeating,
				"application/rss+xml");

		assertThat(byGuidItems).extracting(FeedItem::identity).containsOnly("http://www.moe.gov.sg/media/spotlight/");
		assertThat(byLink).extracting(FeedItem::identity)
			.hasSize(4)
			.containsOnly("http://feedproxy.google.com/~r/singapore-education/spotlight/~3/vnNsA4Hdk6U/");
		assertThat(byTitleAndDate).extracting(FeedItem::identity).hasSize(4).doesNotHaveDuplicates();
		assertThat(byTitleAndDate).extracting(item -> item.story().story().headline())
			.containsExactlyInAnyOrder("Single-Session Primary Schools", "Work Plan Seminar 2009",
					"Recognising School Achievements in 2009", "New Programmes in Special Assistance Plan (SAP) Schools");
	}

	@Test
	void readsAnIso88591FeedWithoutGuidsByLink() {
		List<FeedItem> items = FeedDocument.read(byGuid, Feeds.real("issue131-rss.xml"), "application/rss+xml");

		assertThat(items).singleElement().satisfies(item -> {
			assertThat(item.identity()).isEqualTo("http://feeds.somewhere.org/index.jsp?id=2043");
			assertThat(item.story().story().headline()).isEqualTo("Entry 1");
		});
	}

	@Test
	void readsCdataTitles() {
		List<FeedItem> items = FeedDocument.read(
				Feeds.source("rtl", "http://127.0.0.1/f", FeedSettings.Identity.TITLE_AND_DATE),
				Feeds.real("CDATATestFeed.xml"), "text/xml");

		assertThat(items).extracting(item -> item.story().story().headline()).containsExactly("item2", "item1");
	}

	@Test
	void aBreakingPrefixMakesTheItemBreakingAndLeavesTheText() {
		byte[] feed = Feeds.rss("عاجل | زلزال بقوة 6.1 درجة يضرب جنوب تركيا", "BREAKING: Markets &lt;b&gt;fall&lt;/b&gt;");

		List<FeedItem> items = FeedDocument.read(byGuid, feed, "application/rss+xml");

		assertThat(items).extracting(item -> item.story().story().headline())
			.containsExactly("Markets fall", "زلزال بقوة 6.1 درجة يضرب جنوب تركيا");
		assertThat(items).extracting(item -> item.story().story().urgency()).containsOnly(Urgency.BREAKING);
	}

	@Test
	void anItemsContentChangesWithItsTitleOrLinkButNotBetweenReadsOfAnUndatedItem() {
		FeedItem first = undated("Quake hits the coast", "https://example.com/quake");

		assertThat(undated("Quake hits the coast", "https://example.com/quake").content())
			.as("no date: the time of reading is not part of it")
			.isEqualTo(first.content());
		assertThat(undated("  Quake hits the coast ", "https://example.com/quake").content())
			.as("as normalized into the headline")
			.isEqualTo(first.content());
		assertThat(undated("Quake hits the coast, 12 dead", "https://example.com/quake").content())
			.isNotEqualTo(first.content());
		assertThat(undated("Quake hits the coast", "https://example.com/quake-2").content())
			.isNotEqualTo(first.content());
		assertThat(undated("Quake hits the coast, 12 dead", "https://example.com/quake").identity())
			.isEqualTo(first.identity());
	}

	private FeedItem undated(String title, String link) {
		byte[] feed = ("<rss version=\"2.0\"><channel><title>t</title><link>https://example.com/</link>"
				+ "<description>d</description><item><title>" + title + "</title><link>" + link
				+ "</link><guid>quake-1</guid></item></channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
		return FeedDocument.read(byGuid, feed, "application/rss+xml").get(0);
	}

	@Test
	void anItemWithoutATitleIsUnreadableButStillHasAnIdentity() {
		byte[] feed = """
				<rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>
				<item><description>no title</description><guid>untitled-1</guid></item></channel></rss>
				""".getBytes(StandardCharsets.UTF_8);

		assertThat(FeedDocument.read(byGuid, feed, "application/rss+xml")).singleElement().satisfies(item -> {
			assertThat(item.identity()).isEqualTo("untitled-1");
			assertThat(item.story()).isNull();
			assertThat(item.unreadable()).isEqualTo("item has no title");
		});
	}

	@Test
	void refusesAnExternalEntity() {
		assertThatThrownBy(() -> FeedDocument.read(byGuid, Feeds.externalEntity(), "application/rss+xml"))
			.isInstanceOf(FeedPollFailed.class)
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void refusesAnEntityExpansionBomb() {
		assertThatThrownBy(() -> FeedDocument.read(byGuid, Feeds.billionLaughs(), "application/rss+xml"))
			.isInstanceOf(FeedPollFailed.class)
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void refusesMalformedXmlAndDocumentsThatAreNoFeed() {
		assertThatThrownBy(() -> FeedDocument.read(byGuid, Feeds.malformed(), "application/rss+xml"))
			.isInstanceOf(FeedPollFailed.class);
		assertThatThrownBy(() -> FeedDocument.read(byGuid, Feeds.notAFeed(), "text/html"))
			.isInstanceOf(FeedPollFailed.class);
		assertThatThrownBy(() -> FeedDocument.read(byGuid, new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 0 }, null))
			.isInstanceOf(FeedPollFailed.class);
	}
}
