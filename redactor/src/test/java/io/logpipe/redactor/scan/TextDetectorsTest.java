package io.logpipe.redactor.scan;

import static io.logpipe.redactor.scan.Detect.assertFinds;
import static io.logpipe.redactor.scan.Detect.expected;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E-mail addresses, JWTs, private keys and shaped vendor tokens. */
class TextDetectorsTest {
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
      + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            user jane.doe+tag@example.co.uk logged in;      jane.doe+tag@example.co.uk
            idn a@xn--d1acufc.xn--p1ai;                     a@xn--d1acufc.xn--p1ai
            <bob@corp.example>;                             bob@corp.example
            truncated info@presidio.;                       ""
            no tld root@localhost;                          ""
            numeric tld x@10.0.0.1;                         ""
            url userinfo http://user:pass@host.example.com/; ""
            ssh git@github;                                 ""
            image nginx@sha256:abc;                         ""
            """)
  void findsEmailAddressesWithARealDomain(String input, String spans) {
    assertFinds(Rule.EMAIL, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            token=JWT;                                      JWT
            Authorization: Bearer JWT;                      JWT
            alg none eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.;  eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.
            header not json eyJub3Rqc29u.eyJzdWIiOiJ4In0.abc; ""
            two parts eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0;  ""
            glued xeyJhbGciOiJub25lIn0.eyJ4In0.abc;         ""
            """)
  void findsJwtsWhoseHeaderDecodesToJson(String input, String spans) {
    assertFinds(Rule.JWT, input.replace("JWT", JWT), expected(spans.replace("JWT", JWT)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            api_key: ghp_1234567890abcdefghijABCDEFGHIJ123456 used; ghp_1234567890abcdefghijABCDEFGHIJ123456
            stripe sk_live_51HFxYz2eZvKYlo2C9kKM5nE6qO4yKn8; sk_live_51HFxYz2eZvKYlo2C9kKM5nE6qO4yKn8
            gcp AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe !;  AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe
            npm npm_1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU;  npm_1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU
            slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx; xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx
            vault s.ZC9Ecf4M5g9o34Q6RkzGsj0z;               s.ZC9Ecf4M5g9o34Q6RkzGsj0z
            masked ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; ""
            short slack xoxb-12345-abcd234;                 ""
            vault prose s.AcceptanceTimeoutSeconds;         ""
            vault upper s.THISSTRINGISALLUPPERCASE;         ""
            """)
  void findsVendorTokensByShapeButNotTheirMasks(String input, String spans) {
    assertFinds(Rule.API_KEY, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            key AKIALALEMEL33243OLIB;                       AKIALALEMEL33243OLIB
            "AWS_TOKEN=ASIAY34FZKBOKMUTVV7A";                ASIAY34FZKBOKMUTVV7A
            documented AKIAIOSFODNN7EXAMPLE;                ""
            masked AKIAXXXXXXXXXXXXXXXX;                    ""
            lower-case akialalemel33243olib;                ""
            glued XAKIALALEMEL33243OLIB;                    ""
            too long AKIALALEMEL33243OLIBX;                 ""
            """)
  void findsAwsAccessKeyIds(String input, String spans) {
    assertFinds(Rule.AWS_ACCESS_KEY, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzKEY; wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzKEY
            AWS_SECRET_ACCESS_KEY=abcdEFGH1234ijklMNOP5678qrstUVWX9012yzAB; abcdEFGH1234ijklMNOP5678qrstUVWX9012yzAB
            documented aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY; ""
            no context wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzKEY; ""
            """)
  void findsAwsSecretKeysByTheirKeyName(String input, String spans) {
    assertFinds(Rule.AWS_SECRET_KEY, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            -----BEGIN RSA PRIVATE KEY-----\\nMIIEpQIBAAKCAQEAn6/O8li+SX4m98LLYt/PKSzEmQ++ZBD7Loh9P13f4yQ92EF3\\n-----END RSA PRIVATE KEY----- done; -----BEGIN RSA PRIVATE KEY-----\\nMIIEpQIBAAKCAQEAn6/O8li+SX4m98LLYt/PKSzEmQ++ZBD7Loh9P13f4yQ92EF3\\n-----END RSA PRIVATE KEY-----
            truncated -----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSj; -----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSj
            -----BEGIN PRIVATE KEY-----\\nanything\\n-----END PRIVATE KEY-----; ""
            -----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\\n-----END PUBLIC KEY-----; ""
            """)
  void findsPrivateKeyBlocksWithARealBody(String input, String spans) {
    assertFinds(Rule.PRIVATE_KEY, input.replace("\\n", "\n"), expected(spans.replace("\\n", "\n")));
  }
}
