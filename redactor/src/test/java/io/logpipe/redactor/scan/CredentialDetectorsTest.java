package io.logpipe.redactor.scan;

import static io.logpipe.redactor.scan.Detect.assertFinds;
import static io.logpipe.redactor.scan.Detect.expected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials found by position: key names, Authorization headers, URL userinfo, curl -u. */
class CredentialDetectorsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            password=hunter2 user=bob;                      hunter2
            {"password":"s3cr3t!","user":"bob"};            s3cr3t!
            {\\"db_password\\":\\"s3cr3t\\"};               s3cr3t
            mysql_password: two words here;                 two words here
            pwd: p@ssw0r;                                   p@ssw0r
            community_string: public;                       public
            passwd := 'hunter2';                            hunter2
            :pass => "hunter2";                             hunter2
            password: $DB_PASSWORD;                         ""
            password={{ .Values.password }};                ""
            password=<your password>;                       ""
            password=********;                              ""
            password=;                                      ""
            PuttyPassword=0;                                ""
            password_file: /etc/app/password;               ""
            passwordVariable: 'PASSWORD';                   ""
            pass_rate=0.97;                                 ""
            bypass=yes;                                     ""
            if password == expected;                        ""
            """)
  void findsValuesOfPasswordKeys(String input, String spans) {
    assertFinds(Rule.PASSWORD, input.replace("\\\\", "\\"), expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            api_key: aaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb;      aaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb
            X-Api-Key: 3fea6af1349166ea;                    3fea6af1349166ea
            "access_token": "abc.def";                      abc.def
            GET /maps?key=AbCdEf123456&q=x;                 AbCdEf123456
            token_type=Bearer expires_in=3600;              ""
            publicToken = "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit"; ""
            kms_key_id: 555ea4a3-d53a-4412-9c66-3a7cb667b0d6; ""
            max_tokens=512;                                 ""
            auth_token_file_path: /foo/bar/baz;             ""
            """)
  void findsValuesOfTokenAndKeyNames(String input, String spans) {
    assertFinds(Rule.API_KEY, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            client_secret=bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR; bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR
            (use QtT8Q~9C-_Ij~RouHVpD2Tuf3oHWGh.DQ3kcjbAn); QtT8Q~9C-_Ij~RouHVpD2Tuf3oHWGh.DQ3kcjbAn
            clientSecret: "hunter22";                       hunter22
            client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; ""
            secret_name: db-credentials;                    ""
            LLM_SECRET_NAME = "NEXUS-GPT4-API-KEY";         ""
            ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~;       ""
            """)
  void findsClientSecretsByKeyAndAzureShape(String input, String spans) {
    assertFinds(Rule.SECRET, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            -H "Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114"; cfcabd11c7ed9a41b1a3e063c32d5114
            authorization: Token 22cb987851bc5659229114c62e60c79abd0d2c08; 22cb987851bc5659229114c62e60c79abd0d2c08
            Authorization:  5eb4223e-5008-46e5-be67-c7b8f2732305; 5eb4223e-5008-46e5-be67-c7b8f2732305
            Bearer 2fe663014abcd1850076f6d68c0355666db98758262870811cace007cd4a62ba; 2fe663014abcd1850076f6d68c0355666db98758262870811cace007cd4a62ba
            Authorization: Bearer XXXXXXXXXXXX;             ""
            Authorization: Bearer <token>;                  ""
            Authorization: Bearer $API_KEY;                 ""
            AuthBearer 2fe663014abcd1850076f6d68c0355666db98758262870811cace007cd4a62ba; ""
            the bearer token expired;                       ""
            """)
  void findsBearerCredentials(String input, String spans) {
    assertFinds(Rule.BEARER_TOKEN, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            Authorization: Basic YnJvd3Nlcjo=;              YnJvd3Nlcjo=
            sent Basic dXNlcjpwYXNz to proxy;               dXNlcjpwYXNz
            Authorization: Basic ...;                       ""
            Basic authentication failed;                    ""
            """)
  void findsBasicCredentialsThatDecodeToUserAndPassword(String input, String spans) {
    assertFinds(Rule.BASIC_AUTH, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            proxy: http://user:password@host:3128;          password
            redis://:s3cret@redis:6379/0;                   s3cret
            http://user:p@ssw0r)@host:port;                 p@ssw0r)
            'user:password@host:port';                      password
            mongodb+srv://app:${MONGO_PASSWORD}@db/x;       ""
            https://app.datadoghq.com;                      ""
            mailto:bob@example.com;                         ""
            git@github.com:org/repo.git;                    ""
            """)
  void findsPasswordsInUrlUserinfo(String input, String spans) {
    assertFinds(Rule.URL_CREDENTIALS, input, expected(spans));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '\u0000', textBlock = """
            curl -u elastic:P@ssw0rd$1 https://localhost:9200; elastic:P@ssw0rd$1
            curl --user 'api:d2LkV78zLx!t' https://x;       api:d2LkV78zLx!t
            curl --user kevin:'pRf7vG2h1L8nQkW9' -X PATCH;  kevin:'pRf7vG2h1L8nQkW9'
            curl -u "$USER:$PASS" https://x;                ""
            curl -u myusername https://x;                   ""
            curl -u "xxx:yyy";                              ""
            curl -u <user:password> https://x;              ""
            docker run -u 1000:1000 image;                  ""
            """)
  void findsCurlUserCredentials(String input, String spans) {
    assertFinds(Rule.PASSWORD, input, expected(spans));
  }

  @Test
  void findsSlackWebhooksAsWholeUrls() {
    String url = "https://hooks.slack.com/services/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";
    assertFinds(Rule.WEBHOOK_URL, "posting to " + url + " now", url);
    assertFinds(Rule.WEBHOOK_URL, "https://hooks.slack.com/help");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(textBlock = """
            mysql_password,     password
            X-Octopus-ApiKey,   api_key
            AUTH_CLIENTSECRET,  secret
            AWSToken,           api_key
            aws_secret_access_key, aws_secret_key
            Proxy-Authorization, bearer_token
            auth_token_file_path, ''
            public_key,         ''
            keyword,            ''
            author,             ''
            """)
  void classifiesKeyNamesByWords(String key, String rule) {
    Optional<Rule> classified = KeyClassifier.defaultClassifier().classify(key);
    assertThat(classified.map(Rule::id).orElse("")).isEqualTo(rule);
  }

  @Test
  void configuredKeyNamesExtendTheDefaults() {
    KeyClassifier classifier = new KeyClassifier(Map.of("pin", Rule.PASSWORD));
    assertThat(classifier.classify("card_pin")).contains(Rule.PASSWORD);
    assertThat(classifier.classify("pinned")).isEmpty();
    PiiScanner scanner = new PiiScanner(new ScanConfig(java.util.EnumSet.of(Rule.PASSWORD), classifier, java.util.List.of()));
    assertThat(scanner.scan("card_pin=4321 pinned=yes")).extracting(Finding::start).containsExactly(9);
  }
}
