package io.logpipe.redactor.scan;

/**
 * Telephone numbers (opt-in): international E.164 numbers written with '+' (8–15 digits, groups
 * separated by single spaces, '-', '.' or a parenthesised area code), North American
 * {@code (415) 555-0132} / {@code 415-555-0132}, national numbers with a trunk '0' and at least one
 * separator ({@code 09-7625400}, {@code 090-1234-5678}) and Chinese mobile numbers
 * ({@code 1[3-9]} + 9 digits). Bare digit runs are otherwise ids, not phones.
 */
final class PhoneNumbers {
  private PhoneNumbers() {
  }

  /** {@code i} is '+', '(' or a digit that starts a word. */
  static int find(CharSequence s, int i, Findings out) {
    char first = s.charAt(i);
    char before = Chars.at(s, i - 1);
    if (Chars.isAlnum(before) || before == '.' || before == '-' || before == '+') {
      return -1;
    }
    int pos = first == '+' ? i + 1 : i;
    int digits = 0;
    int groups = 0;
    int separators = 0;
    int[] groupSizes = new int[12];
    boolean parenthesised = false;
    int end = -1;
    while (groups < groupSizes.length) {
      boolean open = Chars.at(s, pos) == '(';
      int runStart = open ? pos + 1 : pos;
      int run = 0;
      while (Chars.isDigit(Chars.at(s, runStart + run))) {
        run++;
      }
      if (run == 0 || open && Chars.at(s, runStart + run) != ')') {
        break;
      }
      parenthesised |= open;
      groupSizes[groups++] = run;
      digits += run;
      pos = runStart + run + (open ? 1 : 0);
      end = pos;
      char next = Chars.at(s, pos);
      boolean spaceAfterParen = open && next != ' ' && (Chars.isDigit(next));
      if (spaceAfterParen) {
        continue; // "(415)555-0132"
      }
      if ((next == ' ' || next == '-' || next == '.') && (Chars.isDigit(Chars.at(s, pos + 1)) || Chars.at(s, pos + 1) == '(')) {
        separators++;
        pos++;
        continue;
      }
      break;
    }
    if (end < 0 || !Chars.wordEnd(s, end) || Chars.at(s, end) == '.' && Chars.isDigit(Chars.at(s, end + 1))) {
      return -1;
    }
    if (!plausible(first, digits, groups, separators, parenthesised, groupSizes, s, i)) {
      return -1;
    }
    out.add(i, end, Rule.PHONE);
    return end;
  }

  private static boolean laterGroupsAtLeast(int[] sizes, int groups, int min) {
    for (int g = 1; g < groups; g++) {
      if (sizes[g] < min) {
        return false;
      }
    }
    return true;
  }

  private static boolean plausible(char first, int digits, int groups, int separators, boolean parenthesised,
      int[] sizes, CharSequence s, int i) {
    if (first == '+') {
      return digits >= 8 && digits <= 15;
    }
    if (first == '(') {
      return digits == 10 && groups == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4;
    }
    if (parenthesised) {
      return false;
    }
    if (groups == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4 && s.charAt(i) != '0' && s.charAt(i) != '1') {
      return true; // NANP 415-555-0132
    }
    if (s.charAt(i) == '0' && separators > 0 && digits >= 9 && digits <= 11 && sizes[0] <= 4 && laterGroupsAtLeast(sizes, groups, 3)) {
      return true; // national format with trunk prefix
    }
    return groups == 1 && digits == 11 && s.charAt(i) == '1' && s.charAt(i + 1) >= '3' && s.charAt(i + 1) <= '9';
  }
}
