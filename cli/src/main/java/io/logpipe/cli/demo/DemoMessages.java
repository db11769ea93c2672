package io.logpipe.cli.demo;

import java.util.Random;

/** Realistic log messages of the kinds a cluster produces, for the demo tree. */
final class DemoMessages {

  private static final String[] PATHS = {"/api/cart", "/api/checkout", "/healthz", "/api/orders/1234", "/static/app.js"};
  private static final String[] NAMES = {"ada", "grace", "alan", "edsger", "barbara", "ken"};

  private DemoMessages() {}

  static String requestJson(Random r, int i) {
    String trace = hex(r, 32);
    String span = hex(r, 16);
    int status = r.nextInt(10) == 0 ? 503 : 200;
    return "{\"level\":\"" + (status == 200 ? "info" : "error") + "\",\"ts\":\"2026-11-21T09:00:0" + (i % 10)
        + "Z\",\"msg\":\"request served\",\"method\":\"GET\",\"path\":\"" + PATHS[r.nextInt(PATHS.length)]
        + "\",\"status\":" + status + ",\"duration_ms\":" + r.nextInt(900) + ",\"trace_id\":\"" + trace
        + "\",\"span_id\":\"" + span + "\"}";
  }

  static String signupJson(int i, String email) {
    return "{\"level\":\"info\",\"msg\":\"user signed up\",\"user_id\":" + (5000 + i) + ",\"email\":\"" + email + "\"}";
  }

  static String plain(Random r, int i) {
    return switch (r.nextInt(4)) {
      case 0 -> "INFO  [main] c.s.CartService - cart " + (i * 7) + " updated with " + r.nextInt(9) + " items";
      case 1 -> "WARN  [pool-2-thread-" + r.nextInt(8) + "] c.s.Inventory - stock low for sku-" + r.nextInt(999);
      case 2 -> "10.42.0." + r.nextInt(250) + " - - [21/Nov/2026:09:00:01 +0000] \"GET /index.html HTTP/1.1\" 200 "
          + r.nextInt(9000) + " \"-\" \"kube-probe/1.31\"";
      default -> "I1121 09:00:0" + (i % 10) + ".123456       1 controller.go:" + r.nextInt(400) + "] synced "
          + r.nextInt(50) + " objects";
    };
  }

  static String javaTrace(Random r) {
    return "java.lang.IllegalStateException: order " + r.nextInt(99_999) + " is already closed\n"
        + "\tat com.shop.orders.OrderService.close(OrderService.java:" + (100 + r.nextInt(50)) + ")\n"
        + "\tat com.shop.orders.OrderController.checkout(OrderController.java:57)\n"
        + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
        + "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=3)\n"
        + "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
        + "\t... 3 more";
  }

  static String pythonTrace(Random r) {
    return "Traceback (most recent call last):\n"
        + "  File \"/app/worker.py\", line " + (10 + r.nextInt(90)) + ", in handle\n"
        + "    result = process(batch)\n"
        + "  File \"/app/worker.py\", line 12, in process\n"
        + "    return 1 / len(batch)\n"
        + "ZeroDivisionError: division by zero";
  }

  static String email(Random r) {
    return NAMES[r.nextInt(NAMES.length)] + "." + r.nextInt(1000) + "@example.org";
  }

  /** A Visa-shaped number that passes Luhn, as a redactor's validator requires. */
  static String cardNumber(Random r) {
    int[] digits = new int[16];
    digits[0] = 4;
    for (int i = 1; i < 15; i++) {
      digits[i] = r.nextInt(10);
    }
    int sum = 0;
    for (int i = 14; i >= 0; i--) {
      int d = digits[i];
      if ((14 - i) % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    digits[15] = (10 - sum % 10) % 10;
    StringBuilder b = new StringBuilder();
    for (int d : digits) {
      b.append(d);
    }
    return b.toString();
  }

  private static String hex(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }
}
