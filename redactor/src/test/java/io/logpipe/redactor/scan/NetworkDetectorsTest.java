package io.logpipe.redactor.scan;

import static io.logpipe.redactor.scan.Detect.assertFinds;
import static io.logpipe.redactor.scan.Detect.expected;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opt-in network identifiers: IPv4, IPv6, MAC and phone numbers. */
class NetworkDetectorsTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            from 192.168.0.1 ok;                            192.168.0.1
            (10.0.0.1);                                     10.0.0.1
            route 10.0.0.0/8.;                              10.0.0.0/8
            bad prefix 10.0.0.0/123;                        10.0.0.0
            bound {127.0.0.1:9300};                         127.0.0.1
            version 1.2.3;                                  ""
            five numbers 192.168.1.1.1;                     ""
            octet 192.168.1.256;                            ""
            glued IP192.168.1.1text;                        ""
            java 11.0.1+13;                                 ""
            """)
  void findsDottedQuadIpv4Addresses(String input, String spans) {
    assertFinds(Rule.IPV4, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            full 2345:0425:2CA1:0000:0000:0567:5673:23b5;   2345:0425:2CA1:0000:0000:0567:5673:23b5
            src=:: dst=::1;                                 ::|::1
            [::1]:9300;                                     ::1
            zone fe80::1%eth0 up;                           fe80::1%eth0
            mapped ::ffff:192.0.2.1;                        ::ffff:192.0.2.1
            prefix 2001:db8::/32.;                          2001:db8::/32
            end of sentence 2001:db8::1.;                   2001:db8::1
            time 12:34:56;                                  ""
            mac aa:bb:cc:dd:ee:ff;                          ""
            cpp std::cout;                                  ""
            three colons :::;                               ""
            two elisions 2001::db8::1;                      ""
            glued fe80::1text;                              ""
            bad quad ::ffff:256.0.0.1;                      ""
            """)
  void findsIpv6AddressesInEveryTextForm(String input, String spans) {
    assertFinds(Rule.IPV6, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            mac 00:1A:2B:3C:4D:5E;                          00:1A:2B:3C:4D:5E
            mac 01-b3-4a-67-d9-cf;                          01-b3-4a-67-d9-cf
            cisco 0012.3456.789a;                           0012.3456.789a
            broadcast FF:FF:FF:FF:FF:FF;                    ""
            zero 00:00:00:00:00:00;                         ""
            mixed 10:2F:33-AC-29-C3;                        ""
            five 00:1A:2B:3C:4D;                            ""
            """)
  void findsMacAddressesInOneConsistentNotation(String input, String spans) {
    assertFinds(Rule.MAC, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            call (415) 555-0132 now;                        (415) 555-0132
            intl +1 415 555 0132;                           +1 415 555 0132
            uk +44 (20) 7123 4567;                          +44 (20) 7123 4567
            nanp 415-555-0132;                              415-555-0132
            il 09-7625400;                                  09-7625400
            cn 13812345678;                                 13812345678
            ssn 078-05-1123;                                ""
            date 2024-01-15;                                ""
            ip 10.0.0.1;                                    ""
            id 123456789;                                   ""
            """)
  void findsPhoneNumbersInCommonFormats(String input, String spans) {
    assertFinds(Rule.PHONE, input, expected(spans));
  }
}
