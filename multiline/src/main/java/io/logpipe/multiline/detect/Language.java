package io.logpipe.multiline.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in stack-trace shapes. The tables follow fluent-plugin-detect-exceptions (Apache-2.0), extended where it
 * falls short of what the issue asks: Python chained tracebacks, Node.js {@code [cause]} and {@code { … }} property
 * blocks, Ruby's native {@code from} frames, Go {@code fatal error:}, and blank lines held until the next line shows
 * whether they belong to the trace.
 */
public enum Language {
  JAVA {
    // Java, Kotlin, Scala, Node.js and .NET share the "exception line, then indented `at` frames" shape.
    @Override
    void rules(Table t) {
      String[] exc = {"start", "java_start_exception"};
      for (String from : exc) {
        for (String word : new String[] {"Exception", "Error", "Throwable", "V8 errors stack trace"}) {
          // `Name: message`, a bare `Name`, or Elasticsearch's `NameException[message]`.
          t.rule(from, word, word + (word.startsWith("V8") ? "$" : "(?::|$|\\[)"), "java_after_exception");
        }
      }
      // `Exception in thread "main"` alone on its line (the JVM's uncaught-exception header, message elsewhere).
      t.rule("start", "Exception in thread", "^Exception in thread\\b", "java_after_exception");
      t.rule("java_after_exception", "nested exception is:", "^[\\t ]*nested exception is:[\\t ]*$",
          "java_start_exception");
      t.tentative("java_after_exception", "^$", "java_after_exception");
      for (String from : new String[] {"java_after_exception", "java"}) {
        // Node.js prints an error's own properties (and its [cause]) in a `{ … }` block after the last frame.
        t.rule(from, "at ", "^[\\t ]+(?:eval )?at .*\\{$", "java_props");
        t.rule(from, "at ", "^[\\t ]+(?:eval )?at ", "java");
        t.rule(from, "---", "^[\\t ]+--- End of inner exception stack trace ---$", "java");
        t.rule(from, "---", "^[\\t ]*--- End of stack trace from previous location(?: where exception was thrown)? ---$",
            "java");
        t.rule(from, null, "^[\\t ]*(?:Caused by|Suppressed):", "java_after_exception");
        // .NET Core writes an inner exception on its own line: ` ---> System.TimeoutException: inner`.
        t.rule(from, "--->", "^[\\t ]*---> ", "java_after_exception");
        t.rule(from, "...", "^[\\t ]*\\.\\.\\. \\d+ (?:more|common frames omitted)", "java");
        t.rule(from, "[cause]", "^[\\t ]*\\[cause\\]: ", "java_after_exception");
      }
      t.rule("java_after_exception", "{", "^[\\t ]*\\{$", "java_props");
      t.rule("java_props", null, "^\\}$", "start");
      t.rule("java_props", null, "^\\s", "java_props");
    }
  },
  PYTHON {
    @Override
    void rules(Table t) {
      t.rule("start", "Traceback", "Traceback \\(most recent call last\\):$", "python");
      // loguru marks the frame that caught the exception with '>'.
      t.rule("python", "File ", "^(?:[\\t ]+|> )File ", "python_code");
      t.rule("python_code", null, "[^\\t ]", "python");
      t.rule("python", null, "^(?:[^\\s.():]+\\.)*[^\\s.():]+(?::|$)", "python_after_exception");
      t.tentative("python_after_exception", "^$", "python_chain_gap");
      t.rule("python_chain_gap", "exception",
          "^(?:During handling of the above exception, another exception occurred|"
              + "The above exception was the direct cause of the following exception):$", "python_chain");
      t.tentative("python_chain", "^$", "python_chain_gap2");
      t.rule("python_chain_gap2", "Traceback", "^Traceback \\(most recent call last\\):$", "python");
    }
  },
  PHP {
    @Override
    void rules(Table t) {
      t.rule("start", "PHP ", "PHP (?:Notice|Parse error|Fatal error|Warning):", "php_stack_begin");
      t.rule("start", "exception '", "exception '[^']+' with message '", "php_stack_begin");
      t.rule("start", "Fatal error: Uncaught", "^Fatal error: Uncaught ", "php_stack_begin");
      t.rule("php_stack_begin", "Stack trace:", "^Stack trace:", "php_stack_frames");
      t.rule("php_stack_frames", "#", "^#\\d", "php_stack_frames");
      t.rule("php_stack_frames", "thrown in ", "^\\s+thrown in ", "start");
    }
  },
  GO {
    @Override
    void rules(Table t) {
      t.rule("start", "panic: ", "\\bpanic: ", "go_after_panic");
      t.rule("start", "fatal error: ", "^fatal error: ", "go_after_panic");
      t.rule("start", "http: panic serving", "http: panic serving", "go_goroutine");
      // A goroutine dump without a panic line (SIGQUIT, debug.Stack()).
      t.rule("start", "goroutine ", "^goroutine \\d+ \\[[^\\]]+\\]:$", "go_frame_line1");
      t.tentative("go_after_panic", "^$", "go_goroutine");
      t.rule("go_after_panic", "[signal ", "^\\[signal ", "go_after_signal");
      t.rule("go_after_panic", "goroutine ", "^goroutine \\d+ \\[[^\\]]+\\]:$", "go_frame_line1");
      t.tentative("go_after_signal", "^$", "go_goroutine");
      t.tentative("go_frame_line1", "^$", "go_goroutine");
      t.rule("go_goroutine", "goroutine ", "^goroutine \\d+ \\[[^\\]]+\\]:$", "go_frame_line1");
      t.rule("go_frame_line1", null, "^(?:[^\\s.:]+\\.)*[^\\s.():]+\\(|^created by ", "go_frame_line2");
      t.rule("go_frame_line2", null, "^\\s", "go_frame_line1");
    }
  },
  RUBY {
    @Override
    void rules(Table t) {
      // Rails: ` NoMethodError (undefined method …):` then indented `file.rb:N:in` frames.
      t.rule("start", "Error (", "Error \\(.*\\):$", "ruby_before_rails_trace");
      t.rule("ruby_before_rails_trace", null, "^  $", "ruby");
      t.rule("ruby_before_rails_trace", ".rb:", "^[\\t ]+.*?\\.rb:\\d+:in [`']", "ruby");
      t.rule("ruby", ".rb:", "^[\\t ]+.*?\\.rb:\\d+:in [`']", "ruby");
      // Ruby's own format: `file.rb:6:in 'm': message (ZeroDivisionError)` then `from` frames.
      t.rule("start", ":in ", ":\\d+:in [`'].*\\([A-Z]\\w*(?:::\\w+)*\\)$", "ruby_native");
      t.rule("ruby_native", "from ", "^\\s+from ", "ruby_native");
    }
  },
  RUST {
    @Override
    void rules(Table t) {
      // `thread 'main' panicked at src/main.rs:4:5:` (message on the next line, Rust 1.73+) or with the message
      // inline (older); then `note:` lines and, with RUST_BACKTRACE, numbered frames and `at` locations.
      t.rule("start", "' panicked at ", "^thread '[^']*' panicked at .*:$", "rust_panic_message");
      t.rule("start", "' panicked at ", "^thread '[^']*' panicked at ", "rust_panic");
      t.rule("rust_panic_message", null, ".", "rust_panic");
      for (String from : new String[] {"rust_panic", "rust_backtrace"}) {
        t.rule(from, "note: ", "^note: ", from);
        t.rule(from, "stack backtrace:", "^stack backtrace:$", "rust_backtrace");
      }
      t.rule("rust_backtrace", null, "^\\s+\\d+: ", "rust_backtrace");
      t.rule("rust_backtrace", "at ", "^\\s+at ", "rust_backtrace");
    }
  },
  DART {
    @Override
    void rules(Table t) {
      t.rule("start", "Unhandled exception:", "^Unhandled exception:$", "dart_exc");
      for (String kind : new String[] {"Instance of", "Exception", "Bad state", "IntegerDivisionByZeroException",
          "Invalid argument", "RangeError", "Assertion failed", "Cannot instantiate", "Reading static variable",
          "UnimplementedError", "Unsupported operation", "Concurrent modification", "Out of Memory",
          "Stack Overflow"}) {
        t.rule("dart_exc", null, "^" + Pattern.quote(kind), "dart_stack");
      }
      String frame = "^#\\d+\\s+.+?\\(.+?\\)$";
      t.rule("dart_exc", null, "^'.+?':.+?$", "dart_type_err_line1");
      t.rule("dart_type_err_line1", null, frame, "dart_stack");
      t.rule("dart_type_err_line1", null, "^.+?$", "dart_type_err_line2");
      t.rule("dart_type_err_line2", null, "^.*?\\^.*?$", "dart_type_err_line3");
      t.rule("dart_type_err_line3", null, "^$", "dart_type_err_line4");
      t.rule("dart_type_err_line4", null, "^$", "dart_stack");
      t.rule("dart_exc", null, "^FormatException", "dart_format_err_line1");
      t.rule("dart_format_err_line1", null, frame, "dart_stack");
      t.rule("dart_format_err_line1", null, "^.", "dart_format_err_line2");
      t.rule("dart_format_err_line2", null, "^.*?\\^", "dart_format_err_line3");
      t.rule("dart_format_err_line3", null, "^$", "dart_stack");
      t.rule("dart_exc", null, "^NoSuchMethodError:", "dart_method_err_line1");
      t.rule("dart_method_err_line1", null, "^Receiver:", "dart_method_err_line2");
      t.rule("dart_method_err_line2", null, "^Tried calling:", "dart_method_err_line3");
      t.rule("dart_method_err_line3", null, "^Found:", "dart_stack");
      t.rule("dart_method_err_line3", null, frame, "dart_stack");
      t.rule("dart_stack", null, frame, "dart_stack");
      t.rule("dart_stack", null, "^<asynchronous suspension>$", "dart_stack");
    }
  };

  abstract void rules(Table t);

  /** A detector for the given languages, their start rules tried in the order given. */
  public static Detector detector(List<Language> languages) {
    return new StateMachineDetector(table(languages));
  }

  /** Every built-in language (the compiled table is shared: patterns are immutable, detectors are not). */
  public static Detector all() {
    return new StateMachineDetector(AllRules.TABLE);
  }

  private static final class AllRules {
    // PHP first: `PHP Fatal error:  Uncaught Exception: …` would otherwise open a Java trace.
    static final java.util.Map<String, Rule[]> TABLE = StateMachineDetector.table(
        table(List.of(PHP, JAVA, PYTHON, GO, RUBY, RUST, DART)));
  }

  private static List<Rule> table(List<Language> languages) {
    Table t = new Table();
    for (Language l : languages) {
      l.rules(t);
    }
    return List.copyOf(t.rules);
  }

  static final class Table {
    final List<Rule> rules = new ArrayList<>();

    void rule(String from, String hint, String regex, String to) {
      rules.add(new Rule(from, hint, Pattern.compile(regex), to, false));
    }

    void tentative(String from, String regex, String to) {
      rules.add(new Rule(from, null, Pattern.compile(regex), to, true));
    }
  }
}
