package news.flashwire.push.subscription;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** A daily window, in the subscriber's time zone, when only breaking alerts are sent; it may span midnight. */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

	public QuietHours {
		Objects.requireNonNull(from, "quietHours.from is required");
		Objects.requireNonNull(to, "quietHours.to is required");
		Objects.requireNonNull(zone, "quietHours.zone is required");
	}

	boolean contains(Instant instant) {
		LocalTime time = instant.atZone(zone).toLocalTime();
		if (from.equals(to)) {
			return false;
		}
		if (from.isBefore(to)) {
			return !time.isBefore(from) && time.isBefore(to);
		}
		return !time.isBefore(from) || time.isBefore(to);
	}
}
