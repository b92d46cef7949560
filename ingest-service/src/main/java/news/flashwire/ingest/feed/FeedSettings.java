package news.flashwire.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Urgency;

/**
 * The feeds ingest polls, e.g. {@code flashwire.ingest.feeds.sources[0].name=moe}: none by default. One poll waits at
 * most {@code timeout} (a source may set its own) and reads at most {@code maxSize}; at most {@code concurrency}
 * polls run at once; each source remembers the identities of at most {@code rememberedItems} items it has taken, more
 * when its feed lists more.
 */
@ConfigurationProperties("flashwire.ingest.feeds")
record FeedSettings(@DefaultValue List<Source> sources, @DefaultValue("10s") Duration timeout,
		@DefaultValue("1MB") DataSize maxSize, @DefaultValue("4") int concurrency,
		@DefaultValue("1000") int rememberedItems) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	FeedSettings {
		if (concurrency < 1 || rememberedItems < 1 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("feeds need concurrency, remembered-items and timeout above 0");
		}
		Set<String> names = new HashSet<>();
		for (Source source : sources) {
			if (!names.add(source.name())) {
				throw new IllegalArgumentException("feed source '" + source.name() + "' is configured twice");
			}
		}
	}

	Duration timeoutOf(Source source) {
		return source.timeout() != null ? source.timeout() : timeout;
	}

	/** How an item is told apart from the others of its feed, so that it is taken once. */
	enum Identity {

		/** The item's guid (Atom: its id), else its link, else a hash of its title and date. */
		GUID,

		/** Its link, else a hash of its title and date: for feeds that repeat one guid on every item. */
		LINK,

		/** A hash of its title and date: for feeds that repeat their guid and their link. */
		TITLE_AND_DATE
	}

	/**
	 * One feed: its name is the provider of its stories ({@code <name>:<identity>}), its items go to {@code edition}
	 * with {@code urgency} unless the headline is flagged as breaking ("عاجل |", "BREAKING:").
	 */
	record Source(String name, URI url, Edition edition, @DefaultValue("5m") Duration interval,
			@DefaultValue("guid") Identity identity, @DefaultValue("routine") Urgency urgency,
			@Nullable Duration timeout) {

		Source {
			if (name == null || !NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("a feed name is lower-case letters, digits and dashes, was " + name);
			}
			if (url == null || !url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
					|| url.getHost() == null) {
				throw new IllegalArgumentException("feed " + name + " needs an http or https url");
			}
			if (edition == null) {
				throw new IllegalArgumentException("feed " + name + " needs an edition");
			}
			if (interval.compareTo(Duration.ofMillis(100)) < 0) {
				throw new IllegalArgumentException("feed " + name + " needs an interval of at least 100ms");
			}
		}

		/**
		 * The url as logs and the health endpoint show it: without its query and user info, where a feed's API key
		 * or password often is.
		 */
		String shownUrl() {
			String shown = url.getScheme() + "://" + url.getRawAuthority().replaceFirst("^.*@", "…@")
					+ (url.getRawPath() == null ? "" : url.getRawPath());
			return url.getRawQuery() == null ? shown : shown + "?…";
		}

		/** {@code text} (an error message, which may quote the url) with every part of the url that is not shown hidden. */
		String withUrlHidden(@Nullable String text) {
			if (text == null) {
				return "";
			}
			String hidden = text.replace(url.toString(), shownUrl());
			if (url.getRawQuery() != null) {
				hidden = hidden.replace(url.getRawQuery(), "…");
			}
			if (url.getRawUserInfo() != null) {
				hidden = hidden.replace(url.getRawUserInfo(), "…");
			}
			return hidden;
		}
	}
}
