#include "inference/text/clip_unicode.h"

namespace mbq::text {

namespace {

bool in(char32_t c, char32_t first, char32_t last)
{
    return c >= first && c <= last;
}

// Punctuation and symbols outside ASCII: Latin-1 signs (except the letters ª µ º), × and ÷,
// spacing modifiers, general punctuation to miscellaneous symbols and arrows, CJK punctuation,
// fullwidth ASCII punctuation, variation selectors and the emoji/symbol planes.
bool isOtherSymbol(char32_t c)
{
    if (in(c, 0xA1, 0xBF))
        return c != 0xAA && c != 0xB5 && c != 0xBA && !clipIsNumber(c);
    return c == 0xD7 || c == 0xF7 || in(c, 0x2000, 0x206F) || in(c, 0x20A0, 0x20FF)
        || in(c, 0x2190, 0x245F) || in(c, 0x2500, 0x2BFF) || in(c, 0x3000, 0x3006)
        || in(c, 0x3008, 0x3020) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFF01, 0xFF0F)
        || in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65)
        || in(c, 0x1F000, 0x1FAFF);
}

} // namespace

bool clipIsSpace(char32_t c)
{
    return in(c, 0x09, 0x0D) || c == 0x20 || in(c, 0x1C, 0x1F) || c == 0x85 || c == 0xA0
        || c == 0x1680 || in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000;
}

bool clipIsNumber(char32_t c)
{
    return in(c, '0', '9') || c == 0xB2 || c == 0xB3 || c == 0xB9 || in(c, 0xBC, 0xBE)
        || in(c, 0x0660, 0x0669) || in(c, 0x06F0, 0x06F9) || in(c, 0x0966, 0x096F) || c == 0x2070
        || in(c, 0x2074, 0x2079) || in(c, 0x2080, 0x2089) || in(c, 0x2150, 0x2189)
        || in(c, 0x2460, 0x249B) || in(c, 0xFF10, 0xFF19) || c == 0x3007 || in(c, 0x3021, 0x3029);
}

bool clipIsLetter(char32_t c)
{
    if (c < 0x80)
        return in(c, 'a', 'z') || in(c, 'A', 'Z');
    return !clipIsSpace(c) && !clipIsNumber(c) && !isOtherSymbol(c);
}

char32_t clipLower(char32_t c)
{
    if (in(c, 'A', 'Z') || (in(c, 0xC0, 0xDE) && c != 0xD7) || in(c, 0x391, 0x3A9)
        || in(c, 0x410, 0x42F))
        return c + 0x20;
    if (in(c, 0x400, 0x40F))
        return c + 0x50;
    // Latin Extended-A pairs upper/lower case as even/odd code points in these runs.
    if ((in(c, 0x100, 0x137) || in(c, 0x14A, 0x177)) && c % 2 == 0)
        return c + 1;
    return c;
}

} // namespace mbq::text
