package dev.newsdesk.image.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Opens the TCP connection to an address that has already passed {@link dev.newsdesk.http.AddressPolicy}: the
 * client never hands a host name to the socket layer, so what was checked is what is connected
 * to (no second DNS lookup, no rebinding). A seam so tests can record every connection attempt.
 */
@FunctionalInterface
public interface Connector {

    Connector PLAIN = (address, timeoutMillis) -> {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    };

    Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;
}
