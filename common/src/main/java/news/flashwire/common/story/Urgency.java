package news.flashwire.common.story;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgent a story is: breaking and urgent stories are alerted and stand out in the ticker. */
public enum Urgency {

	@JsonProperty("breaking")
	BREAKING,

	@JsonProperty("urgent")
	URGENT,

	@JsonProperty("routine")
	ROUTINE;

	/** IPTC urgency 1 (highest) to 9 with the default thresholds: 1 is breaking, 2 urgent, the rest routine. */
	public static Urgency fromIptc(int urgency) {
		return fromIptc(urgency, 1, 2);
	}

	/** IPTC urgency with a source's own thresholds: at or under {@code breakingAtMost} is breaking, and so on. */
	public static Urgency fromIptc(int urgency, int breakingAtMost, int urgentAtMost) {
		if (urgency < 1 || urgency > 9) {
			throw new IllegalArgumentException("IPTC urgency must be between 1 and 9, was " + urgency);
		}
		if (urgency <= breakingAtMost) {
			return BREAKING;
		}
		return urgency <= urgentAtMost ? URGENT : ROUTINE;
	}

	public boolean isAlerted() {
		return this != ROUTINE;
	}
}
