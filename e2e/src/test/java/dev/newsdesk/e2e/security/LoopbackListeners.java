package dev.newsdesk.e2e.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Listening sockets on one port of several loopback addresses that never answer: a connection
 * that reaches any of them stays in its backlog, and {@link #connections()} counts them. An SSRF
 * target that was never contacted has zero.
 */
final class LoopbackListeners implements AutoCloseable {

    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final int port;

    LoopbackListeners(String... addresses) {
        try {
            int chosen = 0;
            for (String address : addresses) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                channel.bind(new InetSocketAddress(InetAddress.getByName(address), chosen), 16);
                channel.configureBlocking(false);
                chosen = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            }
            this.port = chosen;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("binding the loopback listeners", e);
        }
    }

    int port() {
        return port;
    }

    /** Accepts (and closes) every pending connection; how many there were. */
    int connections() throws IOException {
        int count = 0;
        for (ServerSocketChannel channel : channels) {
            for (SocketChannel accepted = channel.accept(); accepted != null; accepted = channel.accept()) {
                accepted.close();
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        for (ServerSocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a listener that never accepted anything: nothing to recover
            }
        }
    }
}
