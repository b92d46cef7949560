package news.flashwire.common.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A story's identity, "provider:native id"; also its Kafka key. */
public record StoryId(@JsonValue String value) {

	private static final int MAX_LENGTH = 256;

	@JsonCreator
	public StoryId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("story id must not be blank");
		}
		if (value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("story id longer than " + MAX_LENGTH + " characters");
		}
	}

	public static StoryId of(String provider, String nativeId) {
		return new StoryId(provider + ":" + nativeId);
	}

	@Override
	public String toString() {
		return value;
	}
}
