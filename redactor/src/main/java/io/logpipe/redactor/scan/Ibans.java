package io.logpipe.redactor.scan;

import java.util.HashMap;
import java.util.Map;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and a BBAN,
 * exactly as long as the SWIFT IBAN registry says for that country, contiguous or in groups of four
 * separated by one consistent space or '-', with the mod-97 check equal to 1.
 */
final class Ibans {
  private static final Map<String, Integer> LENGTHS = new HashMap<>();

  static {
    String registry = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
        + "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 "
        + "IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 "
        + "MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 "
        + "SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : registry.split(" ")) {
      LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
  }

  private Ibans() {
  }

  /** {@code i} is an upper-case letter that starts a word. */
  static int find(CharSequence s, int i, Findings out) {
    if (i + 4 > s.length() || !Chars.isUpper(s.charAt(i + 1)) || !Chars.isDigit(s.charAt(i + 2))
        || !Chars.isDigit(s.charAt(i + 3))) {
      return -1;
    }
    Integer expected = LENGTHS.get(s.subSequence(i, i + 2).toString());
    if (expected == null) {
      return -1;
    }
    char[] iban = new char[expected];
    int count = 0;
    int pos = i;
    char separator = 0;
    int groupLength = 0;
    while (count < expected) {
      char c = Chars.at(s, pos);
      if (Chars.isDigit(c) || Chars.isUpper(c)) {
        iban[count++] = c;
        groupLength++;
        pos++;
      } else if ((c == ' ' || c == '-') && groupLength == 4 && (separator == 0 || separator == c)) {
        separator = c;
        groupLength = 0;
        pos++;
      } else {
        return -1;
      }
    }
    if (!Chars.wordEnd(s, pos) || !mod97(iban)) {
      return -1;
    }
    out.add(i, pos, Rule.IBAN);
    return pos;
  }

  /** ISO 7064 MOD 97-10: move the first four characters to the end, letters to 10–35, remainder 1. */
  static boolean mod97(char[] iban) {
    int remainder = 0;
    for (int k = 0; k < iban.length; k++) {
      char c = iban[(k + 4) % iban.length];
      int v = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
    }
    return remainder == 1;
  }
}
