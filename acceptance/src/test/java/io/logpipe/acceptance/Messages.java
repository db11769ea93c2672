package io.logpipe.acceptance;

import io.logpipe.acceptance.ExpectedEvent.Secret;
import io.logpipe.acceptance.Workloads.Language;
import java.util.List;
import java.util.Random;

/**
 * What the applications print: JSON access logs (long enough to be cut into partial lines), plain text of several
 * shapes, personal data and credentials (each exactly the span the redactor masks, checked with
 * {@code bin/logpipe redact}), and stack traces of seven languages in the shapes their runtimes print. Every
 * message carries its event id, {@code ev=<id>} or {@code "ev":"<id>"}, where the text allows it.
 */
final class Messages {

  /** A message to print on one runtime stream, and the secrets it holds. */
  record Message(String stream, String text, List<Secret> secrets) {
    static Message of(String stream, String text) {
      return new Message(stream, text, List.of());
    }
  }

  private static final String[] PATHS = {"/api/cart", "/api/checkout", "/healthz", "/api/orders/1234", "/static/app.js"};
  private static final String[] NAMES = {"ada", "grace", "alan", "edsger", "barbara", "ken"};
  private static final String[] IBANS = {"DE89370400440532013000", "GB82WEST12345698765432",
      "FR1420041010050500013M02606"};
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
      + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  private final Random random;

  Messages(Random random) {
    this.random = random;
  }

  Message request(String id, boolean error) {
    int status = error ? 503 : 200;
    return Message.of("stdout", "{\"level\":\"" + (error ? "error" : "info") + "\",\"msg\":\"request served\","
        + "\"method\":\"GET\",\"path\":\"" + PATHS[random.nextInt(PATHS.length)] + "\",\"status\":" + status
        + ",\"duration_ms\":" + random.nextInt(900) + ",\"trace_id\":\"" + hex(32) + "\",\"span_id\":\"" + hex(16)
        + "\",\"ev\":\"" + id + "\"}");
  }

  Message plain(String id) {
    String stream = random.nextInt(4) == 0 ? "stderr" : "stdout";
    String text = switch (random.nextInt(4)) {
      case 0 -> "INFO  [main] c.s.CartService - cart " + random.nextInt(999) + " updated with " + random.nextInt(9)
          + " items ev=" + id;
      case 1 -> "WARN  [pool-2-thread-" + random.nextInt(8) + "] c.s.Inventory - stock low for sku-"
          + random.nextInt(999) + " ev=" + id;
      case 2 -> "10.42.0." + random.nextInt(250) + " - - [21/Nov/2026:09:00:01 +0000] \"GET /index.html?ev=" + id
          + " HTTP/1.1\" 200 " + random.nextInt(9000) + " \"-\" \"kube-probe/1.31\"";
      default -> "I1121 09:00:0" + random.nextInt(10) + ".123456       1 controller.go:" + random.nextInt(400)
          + "] synced " + random.nextInt(50) + " objects ev=" + id;
    };
    return Message.of(stream, text);
  }

  /** Personal data or a credential, one of nine kinds by {@code kind}. */
  Message personal(String id, int kind) {
    int n = random.nextInt(100_000);
    return switch (kind % 9) {
      case 0 -> {
        String email = NAMES[random.nextInt(NAMES.length)] + "." + n + "@example.org";
        yield secret("stdout", "{\"level\":\"info\",\"msg\":\"user signed up\",\"user_id\":" + n + ",\"email\":\""
            + email + "\",\"ev\":\"" + id + "\"}", email, "email");
      }
      case 1 -> {
        String card = cardNumber();
        yield secret("stdout", "payment accepted order=" + n + " card=" + card + " amount=42.10 ev=" + id, card, "pan");
      }
      case 2 -> {
        String password = "S3cr3t-" + n;
        yield secret("stdout", "connecting to postgres://app:" + password + "@db.shop.svc:5432/orders ev=" + id,
            password, "url_credentials");
      }
      case 3 -> {
        String password = "hunter2-" + n;
        yield secret("stdout", "{\"level\":\"warn\",\"msg\":\"login failed\",\"user\":\"grace\",\"password\":\""
            + password + "\",\"ev\":\"" + id + "\"}", password, "password");
      }
      case 4 -> {
        String token = "8f3k2l1m0n9b8v7c6x5z" + n;
        yield secret("stdout", "GET /api/cart Authorization: Bearer " + token + " ev=" + id, token, "bearer_token");
      }
      case 5 -> secret("stdout", "uploading with key AKIAIOSFODNN7ABCDEFG to s3 ev=" + id, "AKIAIOSFODNN7ABCDEFG",
          "aws_access_key");
      case 6 -> secret("stdout", "session token " + JWT + " ev=" + id, JWT, "jwt");
      case 7 -> {
        String iban = IBANS[random.nextInt(IBANS.length)];
        yield secret("stdout", "refund to IBAN " + iban + " ev=" + id, iban, "iban");
      }
      default -> secret("stdout", "stripe charge api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc ev=" + id,
          "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key");
    };
  }

  /** A stack trace as the language's runtime prints it, on stderr; Java ones may quote a database password. */
  Message trace(String id, Language language) {
    int n = random.nextInt(99_999);
    return switch (language) {
      case JAVA -> javaTrace(id, n);
      case PYTHON -> Message.of("stderr", "Traceback (most recent call last):\n"
          + "  File \"/app/worker.py\", line " + (10 + random.nextInt(90)) + ", in handle\n"
          + "    result = process(batch)\n"
          + "  File \"/app/worker.py\", line 12, in process\n"
          + "    return 1 / len(batch)\n"
          + "ZeroDivisionError: division by zero ev=" + id);
      case GO -> Message.of("stderr", "panic: runtime error: index out of range [" + (n % 9 + 3) + "] with length 3"
          + " ev=" + id + "\n\n"
          + "goroutine 1 [running]:\n"
          + "main.handle(0xc000012345, 0x3)\n"
          + "\t/app/main.go:42 +0x1d\n"
          + "main.main()\n"
          + "\t/app/main.go:17 +0x25");
      case NODE -> Message.of("stderr", "TypeError: Cannot read properties of undefined (reading 'id') ev=" + id + "\n"
          + "    at CartService.add (/app/src/cart.js:" + (10 + n % 90) + ":17)\n"
          + "    at /app/src/routes.js:18:5\n"
          + "    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\n"
          + "    at next (/app/node_modules/express/lib/router/route.js:137:13)");
      case RUBY -> Message.of("stderr", "app/jobs/sync.rb:" + (10 + n % 90) + ":in `fetch': connection refused ev=" + id
          + " (Errno::ECONNREFUSED)\n"
          + "\tfrom app/jobs/sync.rb:10:in `run'\n"
          + "\tfrom app/agent.rb:31:in `block in start'\n"
          + "\tfrom bin/agent:5:in `<main>'");
      // The inner exception on the outer one's line (.NET Framework, Mono) or, every other trace, on a line of its
      // own (.NET Core).
      case DOTNET -> Message.of("stderr", "System.InvalidOperationException: Ledger entry " + n + " is locked ev=" + id
          + (n % 2 == 0 ? "" : "\n") + " ---> System.TimeoutException: The operation has timed out.\n"
          + "   at Ledger.Core.Locks.Acquire(Int32 id) in /src/Ledger.Core/Locks.cs:line 31\n"
          + "   --- End of inner exception stack trace ---\n"
          + "   at Ledger.Core.EntryStore.Lock(Int32 id) in /src/Ledger.Core/EntryStore.cs:line 42\n"
          + "   at Ledger.Api.Controllers.EntriesController.Post(EntryDto dto) in "
          + "/src/Ledger.Api/Controllers/EntriesController.cs:line 27");
      case PHP -> Message.of("stderr", "PHP Fatal error:  Uncaught Exception: status backend unreachable ev=" + id
          + " in /var/www/html/status.php:14\n"
          + "Stack trace:\n"
          + "#0 /var/www/html/index.php(9): check_backend()\n"
          + "#1 {main}\n"
          + "  thrown in /var/www/html/status.php on line 14");
      case NONE -> Message.of("stderr", "ERROR upstream connect error or disconnect/reset before headers ev=" + id);
    };
  }

  private Message javaTrace(String id, int n) {
    String head = "java.lang.IllegalStateException: order " + n + " is already closed ev=" + id + "\n"
        + "\tat com.shop.orders.OrderService.close(OrderService.java:" + (100 + n % 50) + ")\n"
        + "\tat com.shop.orders.OrderController.checkout(OrderController.java:57)\n"
        + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n";
    String tail = "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
        + "\t... 3 more";
    if (random.nextBoolean()) {
      String password = "Tr0ub4dor-" + n;
      return new Message("stderr", head + "Caused by: java.sql.SQLTransientConnectionException: cannot connect to "
          + "jdbc:postgresql://orders:" + password + "@db.shop.svc:5432/orders (total=10, active=10, idle=0)\n" + tail,
          List.of(new Secret(password, "url_credentials")));
    }
    return Message.of("stderr", head + "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection "
        + "is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=3)\n" + tail);
  }

  private static Message secret(String stream, String text, String value, String rule) {
    return new Message(stream, text, List.of(new Secret(value, rule)));
  }

  /** A Visa-shaped number that passes Luhn, as the redactor's validator requires. */
  private String cardNumber() {
    int[] digits = new int[16];
    digits[0] = 4;
    for (int i = 1; i < 15; i++) {
      digits[i] = random.nextInt(10);
    }
    int sum = 0;
    for (int i = 14; i >= 0; i--) {
      int d = digits[i];
      if ((14 - i) % 2 == 0) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
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

  private String hex(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }
}
