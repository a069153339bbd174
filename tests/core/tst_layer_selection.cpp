// Layer selections as typed in the CLI's --layers and the editor's band field: positions in
// network order, ranges, full ids, "all", clear errors, and the compact text they format back to.

#include "core/project/layer_selection.h"

#include <QTest>

using namespace mbq;

namespace {

std::vector<std::string> wanLayers()
{
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i)
        ids.push_back("block." + std::to_string(i));
    return ids;
}

std::vector<std::string> blocks(int first, int last)
{
    std::vector<std::string> ids;
    for (int i = first; i <= last; ++i)
        ids.push_back("block." + std::to_string(i));
    return ids;
}

const std::vector<std::string> kUNetLayers
    = {"down.1.0.spatial", "down.1.0.temporal", "mid.0.spatial",
       "mid.0.temporal",   "up.3.2.spatial",    "up.3.2.temporal"};

std::vector<std::string> parsed(const QString &text, const std::vector<std::string> &layers)
{
    auto result = parseLayerSelection(text, layers);
    if (!result)
        qFatal("'%s' did not parse: %s", qPrintable(text), result.error().message.c_str());
    return *result;
}

QString parseError(const QString &text, const std::vector<std::string> &layers)
{
    auto result = parseLayerSelection(text, layers);
    return result ? QString() : QString::fromStdString(result.error().message);
}

} // namespace

class TestLayerSelection : public QObject
{
    Q_OBJECT

private slots:
    void positionsAndRanges()
    {
        QCOMPARE(parsed("20-29", wanLayers()), blocks(20, 29));
        QCOMPARE(parsed("7", wanLayers()), blocks(7, 7));
        QCOMPARE(parsed(" 20 - 22 ", wanLayers()), blocks(20, 22));
        QCOMPARE(parsed("all", wanLayers()), wanLayers());
        QCOMPARE(parsed("ALL", wanLayers()), wanLayers());
        QCOMPARE(parsed("0-29", wanLayers()), wanLayers());
    }

    void listsComeOutInNetworkOrderWithoutDuplicates()
    {
        QCOMPARE(parsed("29,3,block.5,4-5", wanLayers()),
                 (std::vector<std::string> {"block.3", "block.4", "block.5", "block.29"}));
        QCOMPARE(parsed("1,1,1-2,,", wanLayers()), blocks(1, 2));
    }

    void blankSelectsNothing()
    {
        QVERIFY(parsed("", wanLayers()).empty());
        QVERIFY(parsed(" , ", wanLayers()).empty());
    }

    void numbersArePositionsInAnyModel()
    {
        // A U-Net's ids carry no block number: position N is the N-th layer it reports.
        QCOMPARE(parsed("1-2", kUNetLayers),
                 (std::vector<std::string> {"down.1.0.temporal", "mid.0.spatial"}));
        QCOMPARE(parsed("up.3.2.spatial,0", kUNetLayers),
                 (std::vector<std::string> {"down.1.0.spatial", "up.3.2.spatial"}));
    }

    void errorsNameTheProblem()
    {
        QString error = parseError("30", wanLayers());
        QVERIFY2(error.contains("30") && error.contains("0-29"), qPrintable(error));
        error = parseError("25-31", wanLayers());
        QVERIFY2(error.contains("31") && error.contains("30 layers"), qPrintable(error));
        error = parseError("99999999999", wanLayers());
        QVERIFY2(error.contains("99999999999"), qPrintable(error));
        error = parseError("block.40", wanLayers());
        QVERIFY2(error.contains("block.40") && error.contains("Unknown"), qPrintable(error));
        error = parseError("20-29,down.1.0.spatial", wanLayers());
        QVERIFY2(error.contains("down.1.0.spatial"), qPrintable(error));
        error = parseError("29-20", wanLayers());
        QVERIFY2(error.contains("reversed") && error.contains("20-29"), qPrintable(error));
        error = parseError("-3", wanLayers());
        QVERIFY2(error.contains("-3"), qPrintable(error));
        error = parseError("6", kUNetLayers);
        QVERIFY2(error.contains("6 layers (0-5)"), qPrintable(error));
        error = parseError("0", {});
        QVERIFY2(error.contains("no layers"), qPrintable(error));
    }

    void formatsCompactly()
    {
        QCOMPARE(formatLayerSelection(blocks(20, 29), wanLayers()), QString("20-29"));
        QCOMPARE(formatLayerSelection({"block.6", "block.0", "block.4", "block.5"}, wanLayers()),
                 QString("0,4-6"));
        QCOMPARE(formatLayerSelection({"block.3", "block.7"}, wanLayers()), QString("3,7"));
        QCOMPARE(formatLayerSelection(wanLayers(), wanLayers()), QString("all"));
        QCOMPARE(formatLayerSelection({}, wanLayers()), QString());
        QCOMPARE(formatLayerSelection({"mid.0.spatial", "mid.0.temporal"}, kUNetLayers),
                 QString("2-3"));
        // An id the model does not have is kept in full rather than dropped.
        QCOMPARE(formatLayerSelection({"block.2", "block.99"}, wanLayers()), QString("2,block.99"));
    }

    void formatReadsBack()
    {
        const std::vector<std::vector<std::string>> selections
            = {blocks(20, 29),
               blocks(0, 0),
               {"block.0", "block.2", "block.3", "block.29"},
               wanLayers(),
               {}};
        for (const auto &selection : selections)
            QCOMPARE(parsed(formatLayerSelection(selection, wanLayers()), wanLayers()), selection);
    }
};

QTEST_GUILESS_MAIN(TestLayerSelection)
#include "tst_layer_selection.moc"
