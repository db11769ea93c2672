package io.logpipe.redactor.scan;

import static io.logpipe.redactor.scan.Detect.assertFinds;
import static io.logpipe.redactor.scan.Detect.expected;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card numbers, IBANs and SSNs: validated positives and the look-alikes that must pass untouched. */
class NumberDetectorsTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            card=4111111111111111;                          4111111111111111
            Visa 4012-8888-8888-1881 paid;                  4012-8888-8888-1881
            Visa 4012 8888 8888 1881 paid;                  4012 8888 8888 1881
            amex 371449635398431;                           371449635398431
            diners 30569309025904;                          30569309025904
            UATP 122000000000003;                           122000000000003
            Dankort 5019717010103742;                       5019717010103742
            two 4242424242424242 and 6011111111111117.;     4242424242424242|6011111111111117
            contiguous then grouped 4012888888881881 4012-8888-8888-1881; 4012888888881881|4012-8888-8888-1881
            fails Luhn 4111111111111112;                    ""
            fails Luhn 4012-8888-8888-1882;                 ""
            no issuer 1748503543012;                        ""
            twelve digits 424242424242;                     ""
            twenty digits 41111111111111111111;             ""
            colon groups 3530:1113:3330:0000;               ""
            mixed separators 4012-8888 8888-1881;           ""
            uuid session=a3f1b2e4-c5d6-7e8f-4242-424242424242; ""
            order id ORD-4111111111111111;                  ""
            epoch millis 1700000000000 and nanos 1700000000000000000; ""
            amount 4111111111111111.;                       4111111111111111
            """)
  void findsLuhnValidCardNumbersOfKnownIssuersOnly(String input, String spans) {
    assertFinds(Rule.PAN, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            iban DE89370400440532013000 ok;                 DE89370400440532013000
            iban DE89 3704 0044 0532 0130 00 ok;            DE89 3704 0044 0532 0130 00
            dashes AL47-2121-1009-0000-0002-3569-8741;      AL47-2121-1009-0000-0002-3569-8741
            letters in BBAN GB29NWBK60161331926819;         GB29NWBK60161331926819
            trailing word VG96 VPVG 0000 0123 4567 8901 X;  VG96 VPVG 0000 0123 4567 8901
            bad checksum DE89370400440532013001;            ""
            too short BE6853900754703;                      ""
            too long IL15 0120 6900 0000 3111 0120 6900 0000 3111 141; ""
            slashes AL47/2121/1009/0000/0002/3569/8741;     ""
            unknown country ZZ89370400440532013000;         ""
            glued XDE89370400440532013000;                  ""
            lower case de89370400440532013000;              ""
            """)
  void findsIbansWithTheirCountryLengthAndMod97(String input, String spans) {
    assertFinds(Rule.IBAN, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            ssn 078-05-1123;                                078-05-1123
            ssn 078.05.1123 on file;                        078.05.1123
            abc 078 05 1123 abc;                            078 05 1123
            bare 078051123;                                 ""
            mixed 693-09.4444;                              ""
            area 000-12-1234;                               ""
            area 666-12-1234;                               ""
            area 900-12-1234;                               ""
            group 078-00-1123;                              ""
            serial 078-05-0000;                             ""
            longer 078-05-1123-44;                          ""
            phone 415-555-0132;                             ""
            date 2024-01-15;                                ""
            """)
  void findsOnlyFormattedSocialSecurityNumbersWithValidParts(String input, String spans) {
    assertFinds(Rule.US_SSN, input, expected(spans));
  }
}
