// The layer rules of ARCHITECTURE.md, checked on the source tree: no Qt under inference/ and
// kernels/, no torch under core/, ui/ and app/ (models only through the torch-free facade
// headers at inference/'s top level), no Widgets under core/. The checker is also run on a
// small tree of deliberate violations, so a checker that stopped finding them fails too.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// (Plain string, not a raw literal: moc's lexer trips over quotes inside raw strings.)
const QRegularExpression kInclude(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"),
                                  QRegularExpression::MultilineOption);

bool isQtHeader(const QString &h)
{
    static const QRegularExpression qt(QStringLiteral("^(Qt[A-Za-z]*/|Q[A-Z]\\w*$|q\\w+\\.h$)"));
    return qt.match(h).hasMatch() || h.startsWith(QLatin1String("qcustomplot"));
}

bool isTorchHeader(const QString &h)
{
    for (const char *prefix : {"torch/", "ATen/", "c10/", "caffe2/", "cuda", "kernels/"})
        if (h.startsWith(QLatin1String(prefix)))
            return true;
    return false;
}

// A facade header: a file directly in inference/ (engine.h and friends), never a subfolder.
bool isFacadeHeader(const QString &h)
{
    return h.startsWith(QLatin1String("inference/")) && h.count(QLatin1Char('/')) == 1
        && h.endsWith(QLatin1String(".h"));
}

bool isWidgetsHeader(const QString &h)
{
    if (h.startsWith(QLatin1String("QtWidgets")) || h.startsWith(QLatin1String("ui/")))
        return true;
    static const QString dir = QLibraryInfo::path(QLibraryInfo::HeadersPath)
        + QStringLiteral("/QtWidgets/");
    return !h.contains(QLatin1Char('/')) && QFile::exists(dir + h);
}

QStringList includesOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    auto it = kInclude.globalMatch(QString::fromUtf8(f.readAll()));
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}

QStringList sourcesUnder(const QString &root, const QString &folder)
{
    QStringList files;
    QDirIterator it(root + QLatin1Char('/') + folder,
                    {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.cu")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QStringList violations(const QString &root)
{
    QStringList found;
    const auto rel = [&](const QString &p) { return QDir(root).relativeFilePath(p); };
    for (const QString &folder : {QStringLiteral("inference"), QStringLiteral("kernels")}) {
        for (const QString &file : sourcesUnder(root, folder)) {
            for (const QString &h : includesOf(file))
                if (isQtHeader(h))
                    found << rel(file) + QStringLiteral(": Qt header <") + h + QLatin1Char('>');
        }
    }
    // The facade headers themselves: torch-free, including only other facade headers.
    for (const QString &file : QDir(root + QStringLiteral("/inference")).entryList({"*.h"})) {
        const QString path = root + QStringLiteral("/inference/") + file;
        for (const QString &h : includesOf(path)) {
            if (isTorchHeader(h) || (h.startsWith(QLatin1String("inference/")) && !isFacadeHeader(h)))
                found << rel(path) + QStringLiteral(": facade includes <") + h + QLatin1Char('>');
        }
    }
    for (const QString &folder : {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
        for (const QString &file : sourcesUnder(root, folder)) {
            for (const QString &h : includesOf(file)) {
                if (isTorchHeader(h))
                    found << rel(file) + QStringLiteral(": torch header <") + h + QLatin1Char('>');
                else if (h.startsWith(QLatin1String("inference/")) && !isFacadeHeader(h))
                    found << rel(file) + QStringLiteral(": inference internals <") + h
                            + QLatin1Char('>');
                else if (folder == QLatin1String("core") && isWidgetsHeader(h))
                    found << rel(file) + QStringLiteral(": Widgets header <") + h + QLatin1Char('>');
            }
        }
    }
    return found;
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void sourceTreeFollowsTheRules()
    {
        const QString root = QStringLiteral(MBQ_SOURCE_DIR);
        QVERIFY2(sourcesUnder(root, QStringLiteral("inference")).size() > 3,
                 "the checker found no sources: wrong root?");
        const QStringList found = violations(root);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void checkerFindsEachKindOfViolation_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("Qt in inference") << "inference/io/x.cpp" << QByteArray("#include <QString>\n");
        QTest::newRow("QtCore in kernels") << "kernels/k.cpp" << QByteArray("  # include <QtCore/QFile>\n");
        QTest::newRow("qcustomplot in inference") << "inference/p.h" << QByteArray("#include \"qcustomplot.h\"\n");
        QTest::newRow("torch in core") << "core/a.cpp" << QByteArray("#include <torch/torch.h>\n");
        QTest::newRow("ATen in ui") << "ui/b.h" << QByteArray("#include <ATen/ATen.h>\n");
        QTest::newRow("c10 in app") << "app/cli/c.cpp" << QByteArray("#include <c10/util/Half.h>\n");
        QTest::newRow("internals in core") << "core/d.cpp" << QByteArray("#include \"inference/io/safetensors.h\"\n");
        QTest::newRow("torch in facade") << "inference/engine2.h" << QByteArray("#include <ATen/Tensor.h>\n");
        QTest::newRow("Widgets in core") << "core/e.cpp" << QByteArray("#include <QWidget>\n");
    }

    void checkerFindsEachKindOfViolation()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, text);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        write(dir.filePath(QStringLiteral("inference/engine.h")), "#include <string>\n");
        write(dir.filePath(QStringLiteral("core/ok.cpp")),
              "#include \"inference/engine.h\"\n#include <QObject>\n");
        QVERIFY(violations(dir.path()).isEmpty());
        write(dir.filePath(file), text);
        const QStringList found = violations(dir.path());
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(file), qPrintable(found.first()));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
