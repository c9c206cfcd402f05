package org.outagedetector.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for servers that must be told their port up front. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /**
     * A port the OS reports free right now. Another process may take it before it is bound again; that
     * window is tiny on a test machine, and the alternative (port 0) is impossible where a peer must
     * know the port before the server starts, as with a KRaft voter or a Flink config file.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
