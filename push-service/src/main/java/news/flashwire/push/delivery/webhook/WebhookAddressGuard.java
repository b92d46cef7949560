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
 * host must be public (not loopback, private, link-local, multicast, unspecified, reserved or cloud metadata, nor an
 * IPv6 address that carries such an IPv4 one) unless it lies in an explicitly allowed network. What a host resolved
 * to, and whether that passed, is remembered per host for {@code resolution-ttl}, and the webhook client connects to
 * exactly those checked addresses.
 */
@Component
public class WebhookAddressGuard {

	/** The refusal of a host that does not resolve (now: a lookup can fail for a while, unlike a private address). */
	public static final String UNRESOLVED = "url host does not resolve";

	private static final int MAX_REMEMBERED_HOSTS = 100_000;

	// IPv6 prefixes of addresses that carry the IPv4 address they reach: IPv4-mapped (::ffff:0:0/96), IPv4-compatible
	// (::/96), NAT64 (64:ff9b::/96 and 64:ff9b:1::/48, the IPv4 address in the last 32 bits) and 6to4 (2002::/16, in
	// the 32 bits after the prefix).
	private static final byte[] MAPPED = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

	private static final byte[] COMPATIBLE = new byte[12];

	private static final byte[] NAT64 = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

	private static final byte[] NAT64_LOCAL = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1 };

	private static final byte[] SIX_TO_FOUR = { 0x20, 0x02 };

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
			return new Resolution(List.of(), UNRESOLVED, now);
		}
	}

	/** Whether a resolved address may be connected to: public, or in an allowed network. */
	boolean allows(InetAddress address) {
		InetAddress reached = reached(address);
		return isPublic(address)
				|| allowed.stream().anyMatch(cidr -> cidr.contains(address) || cidr.contains(reached));
	}

	/**
	 * Whether an address is public. An IPv6 address that carries an IPv4 one, and reaches it (IPv4-mapped, as a DNS
	 * name's AAAA record may give {@code ::ffff:127.0.0.1}; IPv4-compatible; NAT64; 6to4), is judged by that IPv4
	 * address too.
	 */
	static boolean isPublic(InetAddress address) {
		InetAddress reached = reached(address);
		return isPublicAsItIs(address) && (reached == address || isPublicAsItIs(reached));
	}

	private static boolean isPublicAsItIs(InetAddress address) {
		byte[] bytes = address.getAddress();
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		boolean reservedV4 = bytes.length == 4 && (first == 0 // "this network", 0.0.0.0/8
				|| first >= 240 // reserved and broadcast, 240.0.0.0/4
				|| first == 100 && (second & 0xc0) == 64 // carrier-grade NAT, 100.64.0.0/10
				|| first == 198 && (second & 0xfe) == 18 // benchmarking, 198.18.0.0/15
				|| first == 192 && second == 0 && bytes[2] == 0); // IETF protocol assignments, 192.0.0.0/24
		boolean uniqueLocalV6 = bytes.length == 16 && (first & 0xfe) == 0xfc;
		return !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress() || reservedV4 || uniqueLocalV6);
	}

	/** The IPv4 address an IPv6 one reaches when it carries one, else the address itself. */
	static InetAddress reached(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != 16) {
			return address;
		}
		int from;
		if (startsWith(bytes, MAPPED) || startsWith(bytes, COMPATIBLE) || startsWith(bytes, NAT64)
				|| startsWith(bytes, NAT64_LOCAL)) {
			from = 12;
		}
		else if (startsWith(bytes, SIX_TO_FOUR)) {
			from = 2;
		}
		else {
			return address;
		}
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
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
