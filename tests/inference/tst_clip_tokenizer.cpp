// The CLIP BPE tokenizer on the tiny vocabulary, with every id worked out by hand from the
// vocabulary's layout (byte symbols, then the same with </w>, then the merges in file order,
// then start/end), and the file errors.

#include "inference/text/clip_tiny_vocab.h"
#include "inference/text/clip_tokenizer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace mbq;
using namespace mbq::text;

namespace {

// Printable ASCII bytes come first in id order: '!' is 0.
int64_t byteId(char c)
{
    return int64_t(c) - '!';
}
int64_t wordEndId(char c)
{
    return 256 + byteId(c);
}
// Merge ranks of tinyClipVocabText(), in line order.
enum Merge : int64_t { TH = 512, THE, CA, CAT, DO, DOG, RU, IN, AN, AND, ES };
constexpr int64_t kStart = 523, kEnd = 524;

ClipTokenizer tiny()
{
    auto tokenizer = ClipTokenizer::parse(tinyClipVocabText(), "tiny");
    if (!tokenizer)
        qFatal("%s", tokenizer.error().toString().c_str());
    return std::move(*tokenizer);
}

std::vector<int64_t> ids(std::initializer_list<int64_t> list)
{
    return list;
}

} // namespace

class TestClipTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vocabularyLayout()
    {
        const ClipTokenizer t = tiny();
        QCOMPARE(t.vocabSize(), int64_t(525));
        QCOMPARE(t.startId(), kStart);
        QCOMPARE(t.endId(), kEnd);
    }

    void wordsMergeByRank()
    {
        const ClipTokenizer t = tiny();
        QCOMPARE(t.encode("the cat and a dog"), ids({THE, CAT, AND, wordEndId('a'), DOG}));
        // "running": r u n n i n g</w> -> ru (rank 6), then in (rank 7); nothing else merges.
        QCOMPARE(t.encode("running"), ids({RU, byteId('n'), byteId('n'), IN, wordEndId('g')}));
        // "cats": c a t s</w> -> ca; "t s</w>" has no merge, "ca t" is only ranked with </w>.
        QCOMPARE(t.encode("cats"), ids({CA, byteId('t'), wordEndId('s')}));
        QCOMPARE(t.encode("goes"), ids({byteId('g'), byteId('o'), ES}));
    }

    void cleaningCaseDigitsAndPunctuation()
    {
        const ClipTokenizer t = tiny();
        // Lower-cased, whitespace collapsed, HTML entities unescaped.
        QCOMPARE(t.encode("  THE\t\nCat  "), ids({THE, CAT}));
        QCOMPARE(t.encode("cat &amp; dog"), ids({CAT, wordEndId('&'), DOG}));
        // Digits one per token; a punctuation run is one pre-token.
        QCOMPARE(t.encode("42"), ids({wordEndId('4'), wordEndId('2')}));
        QCOMPARE(t.encode("dog!?"), ids({DOG, byteId('!'), wordEndId('?')}));
        // Contractions split off.
        QCOMPARE(t.encode("cat's"), ids({CAT, byteId('\''), wordEndId('s')}));
        // Non-ASCII letters go through the byte symbols: é is C3 A9. Ids: '!'..'~' are 0..93,
        // 0xA1..0xAC are 94..105, 0xAE..0xFF from 106.
        QCOMPARE(t.encode("\xc3\xa9"), ids({106 + 0xC3 - 0xAE, 256 + 94 + 0xA9 - 0xA1}));
        // The special tokens written in a prompt stay special.
        QCOMPARE(t.encode("<end_of_text>"), ids({kEnd}));
    }

    void framingPaddingAndTruncation()
    {
        const ClipTokenizer t = tiny();
        const ClipTokens empty = t.tokenize("");
        QCOMPARE(empty.ids.size(), size_t(77));
        QCOMPARE(empty.ids[0], kStart);
        QCOMPARE(empty.ids[1], kEnd);
        QCOMPARE(empty.length, int64_t(2));
        QVERIFY(!empty.truncated);
        for (size_t i = 2; i < 77; ++i)
            QCOMPARE(empty.ids[i], int64_t(0)); // padding is id 0 ("!"), not the end token

        const ClipTokens cat = t.tokenize("a cat");
        QCOMPARE(std::vector<int64_t>(cat.ids.begin(), cat.ids.begin() + 5),
                 ids({kStart, wordEndId('a'), CAT, kEnd, 0}));

        std::string longText;
        for (int i = 0; i < 100; ++i)
            longText += "dog ";
        const ClipTokens truncated = t.tokenize(longText);
        QVERIFY(truncated.truncated);
        QCOMPARE(truncated.length, int64_t(77));
        QCOMPARE(truncated.ids[75], int64_t(DOG));
        QCOMPARE(truncated.ids[76], kEnd);
        // Exactly 75 words fit without truncation.
        std::string fits;
        for (int i = 0; i < 75; ++i)
            fits += "dog ";
        QVERIFY(!t.tokenize(fits).truncated);
        QCOMPARE(t.tokenize("cat", 8).ids.size(), size_t(8));
    }

    void fileErrors()
    {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        auto written = writeTinyClipVocab(folder + "/vocab.txt");
        QVERIFY(written.ok());
        QCOMPARE(*written, int64_t(525));
        auto loaded = ClipTokenizer::load(folder + "/vocab.txt");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->encode("the dog"), ids({THE, DOG}));

        auto missing = ClipTokenizer::load(folder + "/absent.txt");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        // open_clip's file is gzip-compressed: read through zlib, same tokenizer.
        QFile plain(dir.filePath("vocab.txt"));
        QVERIFY(plain.open(QIODevice::ReadOnly));
        const QByteArray text = plain.readAll();
        gzFile gz = gzopen((folder + "/vocab.txt.gz").c_str(), "wb");
        QVERIFY(gz);
        QCOMPARE(gzwrite(gz, text.constData(), unsigned(text.size())), int(text.size()));
        QCOMPARE(gzclose(gz), Z_OK);
        auto compressed = ClipTokenizer::load(folder + "/vocab.txt.gz");
        QVERIFY2(compressed.ok(), compressed.ok() ? "" : compressed.error().toString().c_str());
        QCOMPARE(compressed->vocabSize(), loaded->vocabSize());
        QCOMPARE(compressed->encode("the dog"), ids({THE, DOG}));

        QFile cut(dir.filePath("cut.txt.gz"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(QByteArray::fromHex("1f8b0800000000000003"));
        cut.close();
        auto truncated = ClipTokenizer::load(folder + "/cut.txt.gz");
        QVERIFY(!truncated.ok());
        QCOMPARE(truncated.error().code, ErrorCode::BadFormat);
        QVERIFY(QString::fromStdString(truncated.error().message).contains("cut.txt.gz"));

        auto malformed = ClipTokenizer::parse("#version: 0.2\nt h\nthree parts here\n", "bad");
        QVERIFY(!malformed.ok());
        QCOMPARE(malformed.error().code, ErrorCode::BadFormat);
        QVERIFY(QString::fromStdString(malformed.error().message).contains("line 3"));
        QVERIFY(!ClipTokenizer::parse("#version: 0.2\n", "empty").ok());
    }
};

QTEST_GUILESS_MAIN(TestClipTokenizer)
#include "tst_clip_tokenizer.moc"
