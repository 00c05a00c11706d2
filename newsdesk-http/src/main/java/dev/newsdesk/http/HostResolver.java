package dev.newsdesk.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, a seam so tests can make any name resolve anywhere without a DNS server. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
