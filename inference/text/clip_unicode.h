#pragma once
// The character classes CLIP's pre-tokeniser regex needs (\p{L}, \p{N}, \s) and Python's
// str.lower(), without ICU. Exact for ASCII and Latin-1; other scripts use block ranges: the
// common punctuation, symbol, number and space blocks are classified, and every other
// character counts as a letter (so CJK, Cyrillic, Greek... words stay whole, as with the
// official regex). Combining marks count as letters too, whereas the official \p{L} splits
// them off; ftfy's NFC composition makes that rare in practice.

namespace mbq::text {

bool clipIsSpace(char32_t c);
bool clipIsNumber(char32_t c);
bool clipIsLetter(char32_t c); // neither space nor number nor punctuation/symbol
char32_t clipLower(char32_t c);

} // namespace mbq::text
