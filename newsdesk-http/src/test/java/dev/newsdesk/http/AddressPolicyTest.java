package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @Test
    void refusesEveryNonPublicRange() throws Exception {
        String[][] cases = {
            {"127.0.0.1", "loopback"},
            {"127.255.1.2", "loopback"},
            {"::1", "loopback"},
            {"10.1.2.3", "private"},
            {"172.16.0.1", "private"},
            {"172.31.255.255", "private"},
            {"192.168.1.1", "private"},
            {"fc00::1", "private"},
            {"fd12:3456::1", "private"},
            {"169.254.169.254", "link-local"},
            {"fe80::1", "link-local"},
            {"100.64.0.1", "cgnat"},
            {"100.127.255.255", "cgnat"},
            {"0.0.0.0", "unspecified"},
            {"::", "unspecified"},
            {"224.0.0.1", "multicast"},
            {"ff02::1", "multicast"},
            {"255.255.255.255", "reserved"},
            {"::ffff:127.0.0.1", "loopback"},
            {"::ffff:169.254.169.254", "link-local"},
            {"::127.0.0.1", "loopback"},
            {"64:ff9b::a9fe:a9fe", "link-local"},
            {"2002:7f00:1::", "loopback"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], AddressPolicy.refusal(InetAddress.getByName(c[0])), c[0]);
        }
    }

    @Test
    void allowsPublicAddresses() throws Exception {
        for (String ok :
                new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5"}) {
            assertNull(AddressPolicy.refusal(InetAddress.getByName(ok)), ok);
        }
    }

    @Test
    void readsDecimalOctalAndHexIpv4FormsLikeInetAton() {
        for (String loopback :
                new String[] {"2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "0177.1", "017700000001"
                }) {
            assertEquals("127.0.0.1", AddressPolicy.numericIpv4(loopback).getHostAddress(), loopback);
        }
        assertEquals("169.254.169.254", AddressPolicy.numericIpv4("2852039166").getHostAddress());
        assertNull(AddressPolicy.numericIpv4("cdn.example.com"));
        assertNull(AddressPolicy.numericIpv4("1.2.3.4.5"));
        assertNull(AddressPolicy.numericIpv4("4294967296"));
    }
}
