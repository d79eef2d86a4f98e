package com.timetracker.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.timetracker.platform.ApiException;

/**
 * One IP rule's target: a single address or a CIDR network, IPv4 or IPv6, in one canonical
 * spelling ({@code 10.0.0.0/8}, {@code 2001:db8::1}) so that a rule typed two ways is one rule.
 * Stricter than the platform's {@code ClientAddress.Cidr}, which reads trusted configuration:
 * this reads administrators' input, so it never resolves names, rejects IPv4 octets with leading
 * zeros (octal or decimal? ambiguous), clears host bits, and matches pre-parsed bytes on every request.
 * Client addresses are read the JDK's way (leading zeros decimal), as the platform records them.
 */
final class IpRange {

    static final int MAX_INPUT = 64;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|[.:])0\\d{1,2}(\\.|$)");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        this.text = isSingleAddress() ? format(network) : format(network) + "/" + prefix;
    }

    /** Parses what an administrator typed; a 422 naming the field when it is not an address or range. */
    static IpRange parse(String input, String field) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty() || value.length() > MAX_INPUT) {
            throw ApiException.invalid(field + ": must be an IPv4 or IPv6 address or CIDR range, such as 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32");
        }
        int slash = value.indexOf('/');
        String written = slash < 0 ? value : value.substring(0, slash);
        if (LEADING_ZERO.matcher(written).find()) {
            throw ApiException.invalid(field + ": '" + value + "' has an octet with a leading zero, which some systems read as octal; write it without");
        }
        byte[] address = (written.contains("%") ? Optional.<byte[]>empty() : bytes(written))
                .orElseThrow(() -> ApiException.invalid(field + ": '" + value + "' is not a valid IPv4 or IPv6 address"));
        // an IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) is kept as the IPv4 range it denotes
        int offset = address.length == 4 && written.contains(":") ? 96 : 0;
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            int number = length.matches("\\d{1,3}") ? Integer.parseInt(length) : -1;
            if (number < offset || number > bits + offset) {
                throw ApiException.invalid(field + ": '" + value + "' has an invalid prefix length (" + offset + " to " + (bits + offset) + ")");
            }
            prefix = number - offset;
        }
        return new IpRange(mask(address, prefix), prefix);
    }

    /** Parses a single address (no range) for the check and clear-attempts endpoints. */
    static IpRange parseAddress(String input, String field) {
        IpRange range = parse(input, field);
        if (!range.isSingleAddress()) {
            throw ApiException.invalid(field + ": must be a single address, not a range");
        }
        return range;
    }

    /**
     * The bytes of a literal address as the platform reports a client (Tomcat's remote address or an
     * X-Forwarded-For hop); empty when it is not one. An IPv6 zone ({@code %eth0}) is ignored.
     */
    static Optional<byte[]> bytes(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int zone = address.indexOf('%');
        String literal = zone < 0 ? address : address.substring(0, zone);
        Matcher v4 = IPV4.matcher(literal);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String octet = v4.group(i + 1);
                int value = Integer.parseInt(octet);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(bytes);
        }
        if (!literal.contains(":") || !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // contains ':' so the JDK parses it as an IPv6 literal and never asks DNS; IPv4-mapped
            // addresses (::ffff:a.b.c.d) come back as their IPv4 address
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    boolean isSingleAddress() {
        return prefix == network.length * 8;
    }

    /** Whether the address lies in the loopback range (127.0.0.0/8 or ::1). */
    static boolean isLoopback(byte[] address) {
        try {
            return InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * How this single address may have been written down by the code that records failed logins:
     * the canonical form and the JDK's uncompressed IPv6 form (Tomcat's remote address).
     */
    List<String> spellings() {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        forms.add(text);
        try {
            forms.add(InetAddress.getByAddress(network).getHostAddress());
        } catch (UnknownHostException e) {
            // cannot happen for 4 or 16 bytes
        }
        return List.copyOf(forms);
    }

    /** The canonical spelling of a client address, or the text as given when it is not an address. */
    static String canonical(String address) {
        return bytes(address).map(IpRange::format).orElse(address);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = Arrays.copyOf(address, address.length);
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    /** IPv4 dotted quad, or IPv6 as RFC 5952 says: lower case, no leading zeros, longest zero run as "::". */
    private static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xFF) << 8 | address[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
