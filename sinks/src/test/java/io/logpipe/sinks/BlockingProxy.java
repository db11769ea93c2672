package io.logpipe.sinks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of an HTTP server that can go down for a while as the server's host would:
 * {@link #refuseConnections} drops the open connections and stops listening (clients get "connection refused"),
 * {@link #up} listens again on the same port. Its threads end with their sockets; {@link #close} ends them all.
 */
final class BlockingProxy implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final InetSocketAddress upstream;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "blocking-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final int port;
  private ServerSocket listening;

  BlockingProxy(URI upstream) throws IOException {
    this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    this.listening = listen(0);
    this.port = listening.getLocalPort();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  synchronized void refuseConnections() {
    if (listening != null) {
      closeQuietly(listening);
      listening = null;
    }
    sockets.forEach(BlockingProxy::closeQuietly);
    sockets.clear();
  }

  synchronized void up() throws IOException {
    if (listening == null) {
      listening = listen(port);
    }
  }

  private ServerSocket listen(int at) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), at));
    threads.execute(() -> accept(server));
    return server;
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed: refusing connections
      }
      Socket node = new Socket();
      sockets.add(client);
      sockets.add(node);
      try {
        node.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        threads.execute(() -> pump(client, node));
        threads.execute(() -> pump(node, client));
      } catch (IOException | RuntimeException e) {
        closeQuietly(client);
        closeQuietly(node);
      }
    }
  }

  /** Copies one direction until either side ends, then closes both (HTTP clients never half-close). */
  private void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // dropped by refuseConnections or by a peer: the other pump ends too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing is all we wanted
    }
  }

  @Override
  public void close() {
    refuseConnections();
    threads.shutdownNow();
  }
}
