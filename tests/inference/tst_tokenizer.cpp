// umT5 tokenizer: the official prompt cleaning (checked by hand against Python's
// html.unescape, ftfy and the whitespace regex), ids of a word-level SentencePiece model trained
// here (its ids follow the word counts of the corpus, so they can be checked by hand), EOS,
// padding, mask, truncation, NFKC normalisation, the tiny tokenizer writer and load errors.

#include "inference/text/prompt_clean.h"
#include "inference/text/sentencepiece_module.h"
#include "inference/text/umt5_tiny.h"
#include "inference/text/umt5_tokenizer.h"
#include "inference/wan_tiny_parts.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace mbq;
using namespace mbq::text;

class TestTokenizer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }

    // Words with distinct counts: after pad 0, eos 1, bos 2, unk 3 the pieces are ranked by
    // frequency, so the=4, cat=5, dog=6, runs=7, fast=8.
    std::string wordModel()
    {
        const std::string file = path("words/spiece.model");
        if (std::filesystem::exists(file))
            return file;
        std::vector<std::string> lines;
        const std::pair<const char *, int> words[] = {
            {"the", 6}, {"cat", 5}, {"dog", 4}, {"runs", 3}, {"fast", 2}};
        for (const auto &[word, count] : words)
            lines.insert(lines.end(), size_t(count), word);
        auto model = trainSentencePiece("--model_type=word --vocab_size=9 --hard_vocab_limit=false "
                                        "--pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 "
                                        "--num_threads=1 --minloglevel=2",
                                        lines);
        if (!model)
            qFatal("%s", model.error().toString().c_str());
        std::filesystem::create_directories(path("words"));
        std::ofstream(file, std::ios::binary) << *model;
        return file;
    }

private Q_SLOTS:
    void cleaning_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("cleaned");
        QTest::newRow("whitespace") << "  a\tcat \n\n runs  " << "a cat runs";
        QTest::newRow("unicode spaces") << "a\u00a0cat\u3000runs\u2009fast" << "a cat runs fast";
        QTest::newRow("entities") << "cats &amp; dogs &lt;3 &quot;hi&quot;" << "cats & dogs <3 \"hi\"";
        QTest::newRow("double escaped") << "salt &amp;amp; pepper" << "salt & pepper";
        QTest::newRow("no semicolon") << "&ampersand &copy2024" << "&ersand \u00a92024";
        QTest::newRow("numeric") << "&#65;&#x42;&#X63; &#128;uro" << "ABc \u20acuro";
        QTest::newRow("invalid numeric") << "a&#0;b&#1;c&#xD800;d" << "a\ufffdbc\ufffdd";
        QTest::newRow("unknown entity") << "&bogus; &" << "&bogus; &";
        QTest::newRow("nbsp entity") << "a&nbsp;&nbsp;b" << "a b";
        QTest::newRow("curly quotes") << "\u201cit\u2019s\u201d" << "\"it's\"";
        QTest::newRow("terminal escapes") << "\x1b[31mred\x1b[0m sky" << "red sky";
        QTest::newRow("controls") << "a\x01" "b\u200b\ufeffc" << "ab\u200bc";
        QTest::newRow("c1 as cp1252") << "\u0093quoted\u0094" << "\"quoted\"";
        QTest::newRow("chinese") << " 色调艳丽，过曝 " << "色调艳丽，过曝";
        QTest::newRow("empty") << "   " << "";
    }

    void cleaning()
    {
        QFETCH(QString, input);
        QFETCH(QString, cleaned);
        QCOMPARE(QString::fromStdString(cleanPrompt(input.toStdString())), cleaned);
    }

    void idsPaddingAndMask()
    {
        auto tokenizer = UmT5Tokenizer::load(wordModel());
        QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.error().toString().c_str());
        QCOMPARE(tokenizer->eosId(), int64_t(1));
        QCOMPARE(tokenizer->padId(), int64_t(0));
        auto pieces = tokenizer->pieces("the cat runs zebra");
        QVERIFY(pieces.ok());
        QCOMPARE(*pieces, (std::vector<int64_t>{4, 5, 7, 3}));
        auto prompt = tokenizer->encode("  the   cat&nbsp;runs ", 8);
        QVERIFY(prompt.ok());
        QCOMPARE(prompt->ids, (std::vector<int64_t>{4, 5, 7, 1, 0, 0, 0, 0}));
        QCOMPARE(prompt->mask, (std::vector<int64_t>{1, 1, 1, 1, 0, 0, 0, 0}));
        QCOMPARE(prompt->length, int64_t(4));
        QVERIFY(!prompt->truncated);
        QCOMPARE(prompt->cleaned, std::string("the cat runs"));
        auto full = tokenizer->encode("dog");
        QVERIFY(full.ok());
        QCOMPARE(int64_t(full->ids.size()), UmT5Tokenizer::kTextLength);
        QCOMPARE(full->ids[0], int64_t(6));
        QCOMPARE(full->ids[1], int64_t(1));
        auto empty = tokenizer->encode("", 4);
        QVERIFY(empty.ok());
        QCOMPARE(empty->ids, (std::vector<int64_t>{1, 0, 0, 0}));
        QCOMPARE(empty->length, int64_t(1));
    }

    void truncationKeepsEos()
    {
        auto tokenizer = UmT5Tokenizer::load(wordModel());
        QVERIFY(tokenizer.ok());
        auto fits = tokenizer->encode("the cat dog", 4);
        QVERIFY(fits.ok());
        QVERIFY(!fits->truncated);
        QCOMPARE(fits->ids, (std::vector<int64_t>{4, 5, 6, 1}));
        auto cut = tokenizer->encode("the cat dog runs fast", 4);
        QVERIFY(cut.ok());
        QVERIFY(cut->truncated);
        QCOMPARE(cut->ids, (std::vector<int64_t>{4, 5, 6, 1}));
        QCOMPARE(cut->mask, (std::vector<int64_t>{1, 1, 1, 1}));
        QCOMPARE(tokenizer->encode("x", 0).error().code, ErrorCode::InvalidArgument);
    }

    void nfkcNormalisation()
    {
        // Full-width letters normalise to ASCII inside SentencePiece (nmt_nfkc).
        auto tokenizer = UmT5Tokenizer::load(wordModel());
        QVERIFY(tokenizer.ok());
        auto wide = tokenizer->encode("\uff54\uff48\uff45 \uff43\uff41\uff54", 3);
        QVERIFY(wide.ok());
        QCOMPARE(wide->ids, (std::vector<int64_t>{4, 5, 1}));
    }

    void tinyTokenizer()
    {
        auto pieces = writeTinyTokenizer(path("tiny/tokenizer/spiece.model"));
        QVERIFY2(pieces.ok(), pieces.ok() ? "" : pieces.error().toString().c_str());
        QVERIFY(*pieces > 100 && *pieces <= 256);
        auto tokenizer = UmT5Tokenizer::load(path("tiny/tokenizer"));
        QVERIFY(tokenizer.ok());
        QCOMPARE(tokenizer->vocabularySize(), *pieces);
        auto negative = tokenizer->encode("色调艳丽，过曝，静态，细节模糊不清，字幕");
        QVERIFY(negative.ok());
        for (int64_t i = 0; i + 1 < negative->length; ++i) {
            QVERIFY(negative->ids[size_t(i)] != 3); // every character is covered
            QVERIFY(negative->ids[size_t(i)] < *pieces);
        }
        // Trained the same way twice, the model is the same.
        QVERIFY(writeTinyTokenizer(path("tiny2/spiece.model")).ok());
        auto again = UmT5Tokenizer::load(path("tiny2/spiece.model"));
        QVERIFY(again.ok());
        QCOMPARE(again->encode("a cat runs across the field")->ids,
                 tokenizer->encode("a cat runs across the field")->ids);
    }

    void tinyParts_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::newRow("official") << "official";
        QTest::newRow("diffusers") << "diffusers";
    }

    void tinyParts()
    {
        QFETCH(QString, layout);
        const std::string folder = path(("parts-" + layout).toUtf8().constData());
        TinyWanPartsOptions options;
        options.layout = layout.toStdString();
        options.seed = 3;
        auto written = writeTinyWanParts(folder, options);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().toString().c_str());
        const bool official = layout == "official";
        QVERIFY(std::filesystem::exists(folder + (official ? "/Wan2.1_VAE.pth"
                                                           : "/vae/config.json")));
        QVERIFY(std::filesystem::exists(folder + (official ? "/models_t5_umt5-xxl-enc-bf16.pth"
                                                           : "/text_encoder/model.safetensors")));
        QVERIFY(UmT5Tokenizer::load(folder + (official ? "/google/umt5-xxl" : "/tokenizer")).ok());
        QCOMPARE(writeTinyWanParts(folder, {"sideways", 0, 24}).error().code,
                 ErrorCode::InvalidArgument);
    }

    void loadErrors()
    {
        QCOMPARE(UmT5Tokenizer::load(path("nowhere")).error().code, ErrorCode::NotFound);
        std::filesystem::create_directories(path("junk"));
        std::ofstream(path("junk/spiece.model"), std::ios::binary) << "not a model";
        auto junk = UmT5Tokenizer::load(path("junk"));
        QVERIFY(!junk.ok());
        QCOMPARE(junk.error().code, ErrorCode::BadFormat);
        QVERIFY(junk.error().message.find("spiece.model") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
