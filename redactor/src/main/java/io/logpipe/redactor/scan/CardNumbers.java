package io.logpipe.redactor.scan;

/**
 * Payment card numbers (PAN): 13–19 digits, contiguous or grouped with one consistent separator
 * (space or '-'), a known issuer prefix with a length that issuer uses (ISO/IEC 7812 IIN ranges as
 * published by the networks), and a valid Luhn check digit. A digit run inside a UUID or other
 * hyphenated identifier is never a card: the run must start a word.
 */
final class CardNumbers {
  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;

  private CardNumbers() {
  }

  /** Tries a card number starting at {@code i} (a digit that starts a word); returns its end or -1. */
  static int find(CharSequence s, int i, Findings out) {
    if (insideIdentifier(s, i) || !mayHaveEnoughDigits(s, i)) {
      return -1;
    }
    int[] digits = new int[MAX_DIGITS];
    int count = 0;
    int pos = i;
    int end = -1;
    char separator = 0;
    while (true) {
      int run = runLength(s, pos);
      if (end >= 0 && run < 3) {
        break; // "4111 11" is not a grouping any issuer prints
      }
      if (count + run > MAX_DIGITS) {
        if (end < 0) {
          return -1; // longer than any card: an id or an amount, not a PAN
        }
        break; // the next group belongs to something else ("4111… 2024")
      }
      for (int k = 0; k < run; k++) {
        digits[count++] = s.charAt(pos + k) - '0';
      }
      pos += run;
      end = pos;
      char next = Chars.at(s, pos);
      if ((next == ' ' || next == '-') && (separator == 0 || separator == next) && Chars.isDigit(Chars.at(s, pos + 1))) {
        separator = next;
        pos++;
        continue;
      }
      break;
    }
    int length = count;
    if (length < MIN_DIGITS || !Chars.wordEnd(s, end) || Chars.at(s, end) == '-' && Chars.isAlnum(Chars.at(s, end + 1))) {
      return -1;
    }
    if (!knownIssuerLength(digits, length) || !luhn(digits, length)) {
      return -1;
    }
    out.add(i, end, Rule.PAN);
    return end;
  }

  /** Cheap pre-count without allocation: the digits of the grouping starting at {@code i} reach 13. */
  private static boolean mayHaveEnoughDigits(CharSequence s, int i) {
    int count = 0;
    int pos = i;
    char separator = 0;
    while (true) {
      int run = runLength(s, pos);
      if (count > 0 && run < 3) {
        break;
      }
      count += run;
      pos += run;
      char next = Chars.at(s, pos);
      if (count < MIN_DIGITS && (next == ' ' || next == '-') && (separator == 0 || separator == next)
          && Chars.isDigit(Chars.at(s, pos + 1))) {
        separator = next;
        pos++;
        continue;
      }
      return count >= MIN_DIGITS;
    }
    return count >= MIN_DIGITS;
  }

  private static int runLength(CharSequence s, int pos) {
    int start = pos;
    while (pos < s.length() && Chars.isDigit(s.charAt(pos))) {
      pos++;
    }
    return pos - start;
  }

  /** "7e8f-4242-4242…": a run glued by '-', '_' or '.' to letters or digits before it is part of an identifier. */
  static boolean insideIdentifier(CharSequence s, int i) {
    char before = Chars.at(s, i - 1);
    return (before == '-' || before == '_' || before == '.') && Chars.isAlnum(Chars.at(s, i - 2));
  }

  static boolean luhn(int[] digits, int length) {
    int sum = 0;
    boolean doubleIt = false;
    for (int k = length - 1; k >= 0; k--) {
      int d = digits[k];
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  private static int prefix(int[] digits, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      v = v * 10 + digits[k];
    }
    return v;
  }

  /** Issuer identification ranges and the lengths each network issues. */
  static boolean knownIssuerLength(int[] d, int length) {
    int p1 = d[0];
    int p2 = prefix(d, 2);
    int p3 = prefix(d, 3);
    int p4 = prefix(d, 4);
    int p6 = prefix(d, 6);
    if (p1 == 4) {
      return length == 13 || length == 16 || length == 19; // Visa
    }
    if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
      return length == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return length == 15; // American Express
    }
    if (p4 == 5019) {
      return length == 16; // Dankort
    }
    if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 || p4 >= 6761 && p4 <= 6763) {
      return length >= 13; // Maestro (12–19; 12 is below our floor)
    }
    if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925) {
      return length >= 16; // Discover
    }
    if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
      return length >= 14; // Diners Club
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return length >= 16; // JCB
    }
    if (p2 == 62 || p2 == 81) {
      return length >= 16; // UnionPay
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return length >= 16; // Mir
    }
    if (p1 == 1) {
      return length == 15; // UATP
    }
    return false;
  }
}
