package news.flashwire.ingest.agency;

import news.flashwire.common.story.Edition;
import news.flashwire.ingest.story.UnreadableStory;

/** The edition of a document's language tag ("en-GB", "ar_EG", "fr"): its primary subtag. */
final class LanguageTag {

	private LanguageTag() {
	}

	static Edition edition(String tag) {
		try {
			return Edition.of(primarySubtag(tag));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStory("language: " + ex.getMessage());
		}
	}

	// Read once per document: a scan, where String.split("[-_]") compiled a regular expression each time.
	static String primarySubtag(String tag) {
		for (int i = 0; i < tag.length(); i++) {
			char c = tag.charAt(i);
			if (c == '-' || c == '_') {
				return tag.substring(0, i);
			}
		}
		return tag;
	}
}
