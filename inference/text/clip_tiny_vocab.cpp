#include "inference/text/clip_tiny_vocab.h"

#include "inference/io/random_weights.h"

namespace mbq::text {

std::string tinyClipVocabText()
{
    // Ranks follow line order: "the", "cat", "dog" and "and" become one id after two merges
    // each; "r u" and "i n" only merge parts of longer words.
    return "#version: 0.2\n"
           "t h\n"
           "th e</w>\n"
           "c a\n"
           "ca t</w>\n"
           "d o\n"
           "do g</w>\n"
           "r u\n"
           "i n\n"
           "a n\n"
           "an d</w>\n"
           "e s</w>\n";
}

Result<int64_t> writeTinyClipVocab(const std::string &path)
{
    if (auto written = io::writeTextFile(path, tinyClipVocabText()); !written)
        return written.error();
    return int64_t(512 + 11 + 2);
}

} // namespace mbq::text
