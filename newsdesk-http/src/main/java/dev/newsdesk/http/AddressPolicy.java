package dev.newsdesk.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a server may connect to on a URL it was given (image origins, webhook targets): only public unicast ones. Refused: loopback
 * (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — the
 * cloud metadata address among them — and fe80::/10), CGNAT 100.64/10, multicast, unspecified
 * (0.0.0.0/8, ::), broadcast and reserved 240/4, and IPv6 forms that embed an IPv4 address
 * (IPv4-mapped ::ffff:0:0/96, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), which are
 * judged by the embedded address.
 */
public final class AddressPolicy {

    private AddressPolicy() {}

    /** Null when {@code address} may be connected to, else the reason it may not. */
    public static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                return refusal(embedded);
            }
            if (v6.isLoopbackAddress()) {
                return "loopback";
            }
            if (v6.isAnyLocalAddress()) {
                return "unspecified";
            }
            if (v6.isLinkLocalAddress() || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
                return "link-local"; // fe80::/10, and the deprecated site-local fec0::/10
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "private"; // fc00::/7 unique local
            }
            if ((b[0] & 0xff) == 0xff) {
                return "multicast";
            }
            if ((b[0] & 0xe0) != 0x20) {
                return "reserved"; // only 2000::/3 is global unicast
            }
            return null;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff;
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "cgnat";
        }
        if (a0 >= 224 && a0 < 240) {
            return "multicast";
        }
        if (a0 >= 240) {
            return "reserved";
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return "reserved"; // 192.0.0.0/24 IETF protocol assignments
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return "reserved"; // 198.18/15 benchmarking
        }
        return null;
    }

    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(b[2], b[3], b[4], b[5]); // 6to4
        }
        return null;
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a host the way C's {@code inet_aton} does — one to four parts, each decimal, octal
     * (leading 0) or hex (0x) — so {@code 2130706433}, {@code 0177.0.0.1} and {@code 0x7f.1} are
     * recognised as 127.0.0.1 instead of being handed to a resolver that may read them differently.
     * Returns null for a host that is not such a number.
     */
    public static Inet4Address numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || !host.matches("[0-9a-fA-FxX.]+") || !Character.isDigit(host.charAt(0))) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase();
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (values[i] > 0xffffffffL) {
                return null;
            }
        }
        long n = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            n |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        n |= last;
        return v4((byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n);
    }

    /** True when {@code host} is a dotted quad in canonical decimal form, e.g. {@code 93.184.216.34}. */
    public static boolean isCanonicalIpv4(String host) {
        return host.matches(
                "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    }
}
