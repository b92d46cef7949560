package news.flashwire.ingest.agency;

import java.util.UUID;

/** ninjs documents as agencies send them, each with a fresh id so tests sharing a broker never collide. */
public final class AgencyStories {

	private AgencyStories() {
	}

	public static String uniqueUri() {
		return "urn:newsml:example.com:" + UUID.randomUUID();
	}

	public static String ninjs3(String uri, String language, String headline, int urgency) {
		return """
				{"uri":"%s","standard":{"name":"ninjs","version":"3.0",
				"schema":"https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"},"type":"text","language":"%s",
				"headlines":[{"role":"main","value":"%s"}],"urgency":%d,"version":"1",
				"firstCreated":"2026-11-29T10:00:00Z","versionCreated":"2026-11-29T10:00:00Z"}"""
			.formatted(uri, language, headline, urgency);
	}

	public static String routineEnglish(String uri) {
		return ninjs3(uri, "en", "Parliament approves the budget", 5);
	}

	public static String breakingArabic(String uri) {
		return ninjs3(uri, "ar", "زلزال بقوة 6.1 درجة يضرب جنوب تركيا", 1);
	}
}
