package com.timetracker.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address a request really came from. {@code X-Forwarded-For} is believed only when the
 * connection comes from a proxy in TRUSTED_PROXIES (default: loopback and the private ranges Docker
 * uses); the first address in the chain that is not a trusted proxy is the client. Used for
 * lockout, rate limits, sessions and the audit trail, so a client cannot forge it.
 */
@Component
public class ClientAddress {

    static final List<String> DEFAULT_TRUSTED_PROXIES =
            List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");

    private final List<Cidr> trusted;

    public ClientAddress(Environment env) {
        List<String> configured = SettingList.parse(env.getProperty("TRUSTED_PROXIES"));
        this.trusted = (configured.isEmpty() ? DEFAULT_TRUSTED_PROXIES : configured).stream().map(Cidr::parse).toList();
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !isTrustedProxy(remote)) {
            return remote;
        }
        String[] chain = forwarded.split(",");
        for (int i = chain.length - 1; i >= 0; i--) {
            String hop = chain[i].strip();
            if (!Cidr.isAddress(hop)) {
                return remote; // a garbled header is ignored rather than believed
            }
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return chain[0].strip();
    }

    /** Who did something and from where, for the audit trail; id and email null for anonymous callers. */
    public AuditEvent.Actor actor(HttpServletRequest request, Long userId, String email) {
        String agent = request.getHeader("User-Agent");
        return new AuditEvent.Actor(userId, email, of(request), agent == null || agent.length() <= 500 ? agent : agent.substring(0, 500));
    }

    boolean isTrustedProxy(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An address range such as {@code 10.0.0.0/8}, {@code fc00::/7} or a single address. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String text) {
            String value = text.strip();
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            if (!isAddress(address)) {
                throw new UnsafeConfigurationException("'" + text + "' is not an IP address or CIDR range",
                        "Use forms like 10.0.0.0/8, 192.168.1.20 or fd00::/8.");
            }
            byte[] bytes = bytes(address);
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new UnsafeConfigurationException("'" + text + "' has an invalid prefix length", "Use a prefix from 0 to " + bytes.length * 8 + ".");
            }
            return new Cidr(bytes, prefix);
        }

        public boolean contains(String address) {
            if (!isAddress(address)) {
                return false;
            }
            byte[] candidate = bytes(address);
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        /** A literal IPv4 or IPv6 address (never a host name: no DNS lookups on request data). */
        public static boolean isAddress(String text) {
            if (text == null || text.isEmpty()) {
                return false;
            }
            return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") && text.chars().filter(c -> c == '.').count() == 3
                    && java.util.Arrays.stream(text.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255)
                    || text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        }

        private static byte[] bytes(String address) {
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
    }
}
