// The trade-off plot: the Pareto front it draws, clicks and tooltips on points found through
// the plot's own coordinate mapping, NaN points left out, the current-render mark, and axes
// that fit the points. Set MBQ_SCREENSHOT_DIR to also save it in light and dark palettes.

#include "ui/i18n/language.h"
#include "ui/plots/tradeoff_plot.h"

#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

using namespace mbq;

namespace {

QVector<TradeoffPoint> samplePoints()
{
    return {
        {"a", "take 1", 0.30, 0.90, "layers 20-29\nsteps 0-25"}, // front
        {"b", "take 2", 0.10, 0.40, "layers 25-29\nsteps 0-10"}, // front
        {"c", "take 3", 0.20, 0.70, "layers 22-29\nsteps 0-20"}, // front
        {"d", "take 4", 0.25, 0.60, "weight 0.5"}, // dominated by c
        {"e", "take 5", 0.40, 0.85, "blend"}, // dominated by a
        {"f", "sweep 1", 0.15, 0.40, "weight 0.2"}, // dominated by b
        {"g", "not measured", qQNaN(), 0.99, "metrics pending"}, // not plotted
    };
}

QPoint pixelOf(const TradeoffPlot &plot, double leak, double fidelity)
{
    return QPoint(int(std::lround(plot.xAxis->coordToPixel(leak))),
                  int(std::lround(plot.yAxis->coordToPixel(fidelity))));
}

// The widest line of an axis title, which QCustomPlot centres on its axis.
int titleLength(const QCPAxis *axis)
{
    const QFontMetrics metrics(axis->labelFont());
    int widest = 0;
    for (const QString &line : axis->label().split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
}

QCPGraph *graphNamed(TradeoffPlot &plot, const QString &name)
{
    for (int i = 0; i < plot.graphCount(); ++i) {
        if (plot.graph(i)->name() == name)
            return plot.graph(i);
    }
    return nullptr;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MBQ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace

class TestTradeoffPlot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void paretoFront();
    void clickEmitsId();
    void hoverShowsDetails();
    void currentMark();
    void fitsPoints();
    void emptyAndPalette();
    void everyMarkHasALegendEntry();
    void titlesFitTheirAxes_data();
    void titlesFitTheirAxes();

private:
    TradeoffPlot *m_plot = nullptr;
};

void TestTradeoffPlot::init()
{
    m_plot = new TradeoffPlot;
    m_plot->resize(520, 380);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot));
    m_plot->setPoints(samplePoints());
    m_plot->replot(); // lays out the axis rect at the shown size
}

void TestTradeoffPlot::cleanup()
{
    delete m_plot;
    m_plot = nullptr;
}

void TestTradeoffPlot::paretoFront()
{
    QCOMPARE(m_plot->paretoIds(), (QStringList {"b", "c", "a"}));
    QCPGraph *front = graphNamed(*m_plot, "Pareto front");
    QVERIFY(front);
    QCOMPARE(front->dataCount(), 3);
    QCOMPARE(front->lineStyle(), QCPGraph::lsStepLeft);
    QCOMPARE(front->data()->at(0)->key, 0.10);
    QCOMPARE(front->data()->at(2)->value, 0.90);
    // The other renders are drawn apart from the front; the NaN one nowhere.
    QCPGraph *others = graphNamed(*m_plot, "Renders");
    QVERIFY(others);
    QCOMPARE(others->dataCount(), 3);

    // A new point that beats c on both counts replaces it on the front.
    QVector<TradeoffPoint> points = samplePoints();
    points.append({"h", "take 6", 0.18, 0.75, {}});
    m_plot->setPoints(points);
    QCOMPARE(m_plot->paretoIds(), (QStringList {"b", "h", "a"}));
}

void TestTradeoffPlot::clickEmitsId()
{
    QSignalSpy clicked(m_plot, &TradeoffPlot::pointClicked);
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, pixelOf(*m_plot, 0.25, 0.60));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toString(), QString("d"));

    // A few pixels off still hits; empty space does not.
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, pixelOf(*m_plot, 0.10, 0.40) + QPoint(3, -2));
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.at(1).at(0).toString(), QString("b"));
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, pixelOf(*m_plot, 0.35, 0.50));
    QTest::mouseClick(m_plot, Qt::RightButton, {}, pixelOf(*m_plot, 0.30, 0.90));
    QCOMPARE(clicked.count(), 2);
    // The NaN point is not there to click, even where its fidelity would put it.
    QCOMPARE(m_plot->pointAt(pixelOf(*m_plot, 0.30, 0.99)), QString());
}

void TestTradeoffPlot::hoverShowsDetails()
{
    const QPoint at = pixelOf(*m_plot, 0.20, 0.70);
    const QString text = m_plot->toolTipAt(at);
    QVERIFY2(text.contains("take 3"), qPrintable(text));
    QVERIFY2(text.contains("layers 22-29<br>steps 0-20"), qPrintable(text));
    QVERIFY2(text.contains("leak 0.200 · fidelity 0.700"), qPrintable(text));
    QVERIFY2(text.contains("Pareto"), qPrintable(text));
    QVERIFY(!m_plot->toolTipAt(pixelOf(*m_plot, 0.25, 0.60)).contains("Pareto"));
    QCOMPARE(m_plot->toolTipAt(pixelOf(*m_plot, 0.35, 0.50)), QString());

    // What the user sees: the tooltip event shows that text.
    QHelpEvent help(QEvent::ToolTip, at, m_plot->mapToGlobal(at));
    QCoreApplication::sendEvent(m_plot, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains("steps 0-20"), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestTradeoffPlot::currentMark()
{
    QCPGraph *mark = graphNamed(*m_plot, "Current");
    QVERIFY(mark);
    QCOMPARE(mark->dataCount(), 0);
    m_plot->setCurrent("e");
    QCOMPARE(m_plot->current(), QString("e"));
    QCOMPARE(mark->dataCount(), 1);
    QCOMPARE(mark->data()->at(0)->key, 0.40);
    QCOMPARE(mark->data()->at(0)->value, 0.85);
    // It survives new points, and goes when its render does.
    QVector<TradeoffPoint> points = samplePoints();
    m_plot->setPoints(points);
    QCOMPARE(mark->dataCount(), 1);
    points.remove(4);
    m_plot->setPoints(points);
    QCOMPARE(mark->dataCount(), 0);
    m_plot->setCurrent({});
    QCOMPARE(mark->dataCount(), 0);
}

void TestTradeoffPlot::fitsPoints()
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    // Every point inside with a margin, and no more than a margin of empty space.
    QVERIFY(x.lower < 0.10 && x.lower > 0.0);
    QVERIFY(x.upper > 0.40 && x.upper < 0.50);
    QVERIFY(y.lower < 0.40 && y.lower > 0.3);
    QVERIFY(y.upper > 0.90 && y.upper < 1.0);
    QVERIFY(m_plot->xAxis->label().contains("lower is better"));
    QVERIFY(m_plot->yAxis->label().contains("higher is better"));

    // Zoomed or panned away, a double-click fits again.
    m_plot->xAxis->setRange(5, 6);
    QTest::mouseDClick(m_plot, Qt::LeftButton, {}, QPoint(m_plot->width() / 2, 20));
    QCOMPARE(m_plot->xAxis->range().lower, x.lower);

    // A single point still gets readable axes around it.
    m_plot->setPoints({{"only", "take 1", 0.2, 0.5, {}}});
    QVERIFY(m_plot->xAxis->range().contains(0.2));
    QVERIFY(m_plot->xAxis->range().size() >= 0.05);
    saveScreenshot(*m_plot, QStringLiteral("tradeoff_single"));
}

void TestTradeoffPlot::emptyAndPalette()
{
    m_plot->setCurrent("c");
    saveScreenshot(*m_plot, QStringLiteral("tradeoff_light"));
    QPalette dark(QColor(53, 53, 53));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    m_plot->setPalette(dark);
    QCOMPARE(m_plot->xAxis->tickLabelColor(), QColor(230, 230, 230));
    QCOMPARE(m_plot->grab().toImage().pixelColor(2, 2), QColor(30, 30, 30));
    saveScreenshot(*m_plot, QStringLiteral("tradeoff_dark"));

    auto *empty = qobject_cast<QCPItemText *>(m_plot->item(0));
    QVERIFY(empty && !empty->visible());
    m_plot->setPoints({});
    QVERIFY(empty->visible());
    QVERIFY(m_plot->paretoIds().isEmpty());
    QVERIFY(!m_plot->legend->visible());
    saveScreenshot(*m_plot, QStringLiteral("tradeoff_empty"));
}

void TestTradeoffPlot::everyMarkHasALegendEntry()
{
    m_plot->setCurrent("c");
    // Each graph that draws something is named in the legend, with the marks it draws: the
    // front's entry shows its filled discs as well as its staircase.
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph *graph = m_plot->graph(i);
        if (graph->dataCount() > 0)
            QVERIFY2(m_plot->legend->hasItemWithPlottable(graph), qPrintable(graph->name()));
    }
    QCPGraph *front = graphNamed(*m_plot, "Pareto front");
    QCOMPARE(front->scatterStyle().shape(), QCPScatterStyle::ssDisc);
    QVERIFY(front->scatterStyle().brush().style() != Qt::NoBrush);
    QVERIFY(m_plot->legend->visible());
    saveScreenshot(*m_plot, QStringLiteral("tradeoff_legend"));
}

void TestTradeoffPlot::titlesFitTheirAxes_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("fidelityHead");
    const QSize dock(940, 150); // the bottom dock of a 1440x900 window
    QTest::newRow("English, tall") << "en" << QSize(520, 380) << "Motion fidelity";
    QTest::newRow("English, dock") << "en" << dock << "Motion fidelity";
    QTest::newRow("German, dock") << "de" << dock << "Bewegungstreue";
    QTest::newRow("Japanese, dock") << "ja" << dock << QString::fromUtf8("モーション忠実度");
    QTest::newRow("English, tiny") << "en" << QSize(220, 90) << "Motion";
}

void TestTradeoffPlot::titlesFitTheirAxes()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(QString, fidelityHead);
    QVERIFY(installLanguage(qApp, language));
    const auto english = qScopeGuard([] { installLanguage(qApp, QStringLiteral("en")); });
    TradeoffPlot plot;
    plot.resize(size);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setPoints(samplePoints());
    plot.replot();

    // Drawn centred on its axis, a title longer than the axis runs off the plot.
    const QRect rect = plot.axisRect()->rect();
    QVERIFY2(titleLength(plot.yAxis) <= rect.height(),
             qPrintable(QStringLiteral("%1 > %2: %3").arg(titleLength(plot.yAxis))
                                .arg(rect.height()).arg(plot.yAxis->label())));
    QVERIFY2(titleLength(plot.xAxis) <= rect.width(), qPrintable(plot.xAxis->label()));
    QVERIFY2(plot.yAxis->label().startsWith(fidelityHead), qPrintable(plot.yAxis->label()));
    // The whole title where there is room for it.
    if (size.height() > 300) {
        QCOMPARE(plot.yAxis->label(), QStringLiteral("Motion fidelity (higher is better)"));
        QCOMPARE(plot.xAxis->label(), QStringLiteral("Identity leak (lower is better)"));
    }
    saveScreenshot(plot, QStringLiteral("tradeoff_titles_%1_%2").arg(language).arg(size.height()));
}

QTEST_MAIN(TestTradeoffPlot)
#include "tst_tradeoff_plot.moc"
