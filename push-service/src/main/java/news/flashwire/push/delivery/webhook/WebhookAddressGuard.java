package news.flashwire.push.delivery.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs that would make us call into a private network: after DNS resolution, every address of the
 * host must be public (not loopback, private, link-local, multicast, unspecified or cloud metadata) unless it lies in
 * an explicitly allowed network. What a host resolved to, and whether that passed, is remembered per host for
 * {@code resolution-ttl}, and the webhook client connects to exactly those checked addresses.
 */
@Component
public class WebhookAddressGuard {

	private static final int MAX_REMEMBERED_HOSTS = 100_000;

	private final List<Cidr> allowed;

	private final long ttlNanos;

	private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

	WebhookAddressGuard(WebhookSettings settings) {
		this.allowed = settings.allowedNetworks().stream().map(Cidr::parse).toList();
		this.ttlNanos = settings.resolutionTtl().toNanos();
	}

	/** The reason the URL may not be called, or null when it may. */
	public @Nullable String refusalOf(URI url) {
		String scheme = url.getScheme();
		if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
			return "url must be http or https";
		}
		if (url.getHost() == null || url.getUserInfo() != null) {
			return "url must name a host and carry no credentials";
		}
		return resolve(url.getHost()).refusal();
	}

	/** The host's addresses, every one checked; an {@link UnknownHostException} when it is refused or unknown. */
	List<InetAddress> checkedAddresses(String host) throws UnknownHostException {
		Resolution resolution = resolve(host);
		if (resolution.refusal() != null) {
			throw new UnknownHostException(host + ": " + resolution.refusal() + "; refused");
		}
		return resolution.addresses();
	}

	private Resolution resolve(String host) {
		long now = System.nanoTime();
		Resolution known = resolved.get(host);
		if (known != null && now - known.resolvedAt() < ttlNanos) {
			return known;
		}
		Resolution fresh = lookUp(host, now);
		if (resolved.size() >= MAX_REMEMBERED_HOSTS) {
			resolved.values().removeIf(old -> now - old.resolvedAt() >= ttlNanos);
			if (resolved.size() >= MAX_REMEMBERED_HOSTS) {
				resolved.clear();
			}
		}
		resolved.put(host, fresh);
		return fresh;
	}

	private Resolution lookUp(String host, long now) {
		try {
			List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
			boolean refused = addresses.isEmpty() || !addresses.stream().allMatch(this::allows);
			return new Resolution(addresses, refused ? "url resolves to a non-public address" : null, now);
		}
		catch (UnknownHostException ex) {
			return new Resolution(List.of(), "url host does not resolve", now);
		}
	}

	/** Whether a resolved address may be connected to: public, or in an allowed network. */
	boolean allows(InetAddress address) {
		return isPublic(address) || allowed.stream().anyMatch(cidr -> cidr.contains(address));
	}

	static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		return !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress() || carrierNat || uniqueLocalV6);
	}

	private record Resolution(List<InetAddress> addresses, @Nullable String refusal, long resolvedAt) {
	}

	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String cidr) {
			String[] parts = cidr.strip().split("/");
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
				return new Cidr(network, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("not a CIDR block: " + cidr, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
