package news.flashwire.push.delivery.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook URLs that would make us call into a private network: after DNS resolution, every address of the
 * host must be public (not loopback, private, link-local, multicast, unspecified or cloud metadata) unless it lies in
 * an explicitly allowed network.
 */
@Component
public class WebhookAddressGuard {

	private final List<Cidr> allowed;

	WebhookAddressGuard(WebhookSettings settings) {
		this.allowed = settings.allowedNetworks().stream().map(Cidr::parse).toList();
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
		try {
			for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
				if (!allows(address)) {
					return "url resolves to a non-public address";
				}
			}
			return null;
		}
		catch (UnknownHostException ex) {
			return "url host does not resolve";
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
