package io.logpipe.bench.redactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Container log lines as they come from real services: access logs, JSON and logfmt application logs, Spring and
 * klog lines, stack frames, full of the look-alikes the redactor must leave alone (UUIDs, trace and span ids,
 * timestamps, versions, pod names, durations). One line in twenty carries something to redact.
 */
final class RealisticLines {
  private static final String[] TEMPLATES = {
    "10.42.%d.17 - - [21/Nov/2026:00:12:%02d +0000] \"GET /api/v1/orders/%s?page=%d HTTP/1.1\" 200 1532 \"-\" "
      + "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\" rt=0.0%d uct=0.001",
    "{\"ts\":\"2026-11-21T00:12:%02d.123456Z\",\"level\":\"info\",\"logger\":\"com.shop.OrderService\",\"msg\":"
      + "\"order placed\",\"order_id\":\"ORD-20261121-%06d\",\"trace_id\":\"%s\",\"span_id\":\"00f067aa0ba902b7\","
      + "\"user_id\":%d,\"amount\":\"129.95\",\"currency\":\"EUR\",\"pod\":\"checkout-7d9c8b6f4-x2k9q\"}",
    "level=info ts=2026-11-21T00:12:%02dZ caller=server.go:142 msg=\"request served\" method=GET path=/healthz "
      + "status=200 duration_ms=%d request_id=req-%s version=v1.27.%d",
    "2026-11-21 00:12:%02d.123  INFO 1 --- [nio-8080-exec-%d] c.s.o.web.OrderController : Fetched %d orders for "
      + "tenant acme in %d ms (cache hit ratio 0.93, build %s)",
    "I1121 00:12:%02d.123456       1 controller.go:116] \"Observed a change\" pod=\"kube-system/coredns-5d78c9869d-"
      + "lq8wz\" resourceVersion=\"%d\" uid=\"%s\" generation=%d",
    "\tat com.shop.order.OrderService.place(OrderService.java:%d) ~[app.jar:1.4.%d] thread=%s-%d",
  };

  private static final String[] SECRETS = {
    " user=jane.doe%d@example.com",
    " card=4111 1111 1111 1111",
    " Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N%d",
    " password=hunter%d",
    " iban=DE89 3704 0044 0532 0130 00",
  };

  private RealisticLines() {
  }

  static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
      String uuid = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
        + hex.substring(17, 20) + "-" + hex.substring(20, 32);
      int n = random.nextInt(60);
      String line = switch (i % TEMPLATES.length) {
        case 0 -> String.format(TEMPLATES[0], n, n, uuid, n, n % 9);
        case 1 -> String.format(TEMPLATES[1], n, i, hex, 40_000 + i);
        case 2 -> String.format(TEMPLATES[2], n, n * 3, hex.substring(0, 12), n);
        case 3 -> String.format(TEMPLATES[3], n, n % 10, n, n * 7, hex.substring(0, 7));
        case 4 -> String.format(TEMPLATES[4], n, 48_213_977 + i, uuid, n);
        default -> String.format(TEMPLATES[5], 100 + n, n, "worker", n);
      };
      if (random.nextInt(20) == 0) {
        line += String.format(SECRETS[random.nextInt(SECRETS.length)], n);
      }
      lines.add(line);
    }
    return lines;
  }

  static long utf8Bytes(List<String> lines) {
    return lines.stream().mapToLong(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
  }
}
