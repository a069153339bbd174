// The per-frame curves plot: curves and legend from setCurves, NaN values as visible gaps, the
// current-frame marker where the pixels say it is, and clicks asking for a frame. Set
// MBQ_SCREENSHOT_DIR to also save it in light and dark palettes.

#include "ui/plots/frame_curves_plot.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace mbq;

namespace {

constexpr int kFrames = 12;

QVector<FrameCurve> sampleCurves()
{
    FrameCurve fidelity {"Fidelity", {}};
    FrameCurve leak {"Leak", {}};
    for (int i = 0; i < kFrames; ++i) {
        fidelity.values.append(0.8);
        leak.values.append(0.1 + 0.02 * i);
    }
    // Frames 4 and 5 could not be measured.
    fidelity.values[4] = qQNaN();
    fidelity.values[5] = qQNaN();
    return {fidelity, leak};
}

int distance(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
        + std::abs(a.blue() - b.blue());
}

// Whether a pixel within 2 (logical) pixels of logical (x, y) is close to `colour`. Grabs are
// in device pixels, so the coordinates scale by the image's device pixel ratio.
bool colourNear(const QImage &image, int x, int y, const QColor &colour)
{
    const double dpr = image.devicePixelRatio();
    const int radius = int(std::ceil(2 * dpr));
    const QPoint centre(int(std::lround(x * dpr)), int(std::lround(y * dpr)));
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = centre + QPoint(dx, dy);
            if (image.rect().contains(p) && distance(image.pixelColor(p), colour) < 60)
                return true;
        }
    }
    return false;
}

// How much of column x (give or take a pixel, for antialiasing) of the axis rect `area` is
// covered in `ink` over `paper`, in logical pixels: a solid line the rect's height scores it.
double inkInColumn(const QImage &image, const QRect &area, int x, const QColor &ink,
                   const QColor &paper)
{
    const double dpr = image.devicePixelRatio();
    const int column = int(std::lround(x * dpr));
    const double full = distance(ink, paper);
    double sum = 0.0;
    for (int y = int((area.top() + 1) * dpr); y < int(area.bottom() * dpr); ++y) {
        for (int dx = -int(dpr); dx <= int(dpr); ++dx)
            sum += std::min(1.0, distance(image.pixelColor(column + dx, y), paper) / full);
    }
    return sum / dpr;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MBQ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace

class TestFrameCurvesPlot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsCurvesWithLegend();
    void nanBreaksTheLine();
    void markerAtCurrentFrame();
    void clickRequestsFrame();
    void emptyAndDark();

private:
    QImage render()
    {
        m_plot->replot();
        return m_plot->grab().toImage();
    }
    int px(double frame) const { return int(std::lround(m_plot->xAxis->coordToPixel(frame))); }
    int py(double value) const { return int(std::lround(m_plot->yAxis->coordToPixel(value))); }

    FrameCurvesPlot *m_plot = nullptr;
};

void TestFrameCurvesPlot::init()
{
    m_plot = new FrameCurvesPlot;
    m_plot->resize(600, 300);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot));
    m_plot->setCurves(sampleCurves());
    m_plot->replot();
}

void TestFrameCurvesPlot::cleanup()
{
    delete m_plot;
    m_plot = nullptr;
}

void TestFrameCurvesPlot::showsCurvesWithLegend()
{
    QCOMPARE(m_plot->curveCount(), 2);
    QCOMPARE(m_plot->graphCount(), 2);
    QVERIFY(m_plot->legend->visible());
    QCOMPARE(m_plot->legend->itemCount(), 2);
    QCOMPARE(m_plot->graph(0)->name(), QString("Fidelity"));
    QCOMPARE(m_plot->graph(1)->name(), QString("Leak"));
    QCOMPARE(m_plot->graph(1)->dataCount(), kFrames);
    QVERIFY(m_plot->graph(0)->pen().color() != m_plot->graph(1)->pen().color());
    // Every frame across, every finite value up.
    QVERIFY(m_plot->xAxis->range().contains(0) && m_plot->xAxis->range().contains(kFrames - 1));
    QVERIFY(m_plot->yAxis->range().contains(0.1) && m_plot->yAxis->range().contains(0.8));

    // Both curves are on screen where their values are.
    const QImage image = render();
    QVERIFY(colourNear(image, px(1.5), py(0.8), m_plot->graph(0)->pen().color()));
    QVERIFY(colourNear(image, px(2), py(0.14), m_plot->graph(1)->pen().color()));

    // New curves replace the old ones.
    m_plot->setCurves({{"Temporal consistency", {0.5, 0.6, 0.7}}});
    QCOMPARE(m_plot->graphCount(), 1);
    QCOMPARE(m_plot->legend->itemCount(), 1);
    QVERIFY(m_plot->xAxis->range().upper < 3);
}

void TestFrameCurvesPlot::nanBreaksTheLine()
{
    m_plot->setCurrentFrame(10); // the marker well away from the gap
    const QImage image = render();
    const QColor fidelity = m_plot->graph(0)->pen().color();
    QVERIFY(colourNear(image, px(1.5), py(0.8), fidelity));
    QVERIFY(colourNear(image, px(7.5), py(0.8), fidelity));
    // Between frames 3 and 6 the values are NaN: no line through them.
    QVERIFY(!colourNear(image, px(4.5), py(0.8), fidelity));
    QVERIFY(!colourNear(image, px(3.7), py(0.8), fidelity));
    saveScreenshot(*m_plot, QStringLiteral("frame_curves_light"));
}

void TestFrameCurvesPlot::markerAtCurrentFrame()
{
    m_plot->setCurrentFrame(7);
    QCOMPARE(m_plot->currentFrame(), 7);
    auto *marker = m_plot->findChild<QCPItemStraightLine *>("frameCurvesMarker");
    QVERIFY(marker && marker->visible());
    QCOMPARE(marker->point1->coords().x(), 7.0);
    QCOMPARE(marker->point2->coords().x(), 7.0);

    const QImage image = render();
    const QRect area = m_plot->axisRect()->rect();
    const QColor text = m_plot->palette().color(QPalette::Text);
    const QColor base = m_plot->palette().color(QPalette::Base);
    // A dashed line down the whole rect; elsewhere (between grid lines) only the curves cross.
    const double atMarker = inkInColumn(image, area, px(7), text, base);
    const double elsewhere = inkInColumn(image, area, px(4.5), text, base);
    QVERIFY2(atMarker > area.height() * 0.3, qPrintable(QString::number(atMarker)));
    QVERIFY2(elsewhere < area.height() * 0.1, qPrintable(QString::number(elsewhere)));

    m_plot->setCurrentFrame(2);
    QVERIFY(inkInColumn(render(), area, px(7), text, base) < area.height() * 0.1);
}

void TestFrameCurvesPlot::clickRequestsFrame()
{
    QSignalSpy requested(m_plot, &FrameCurvesPlot::frameRequested);
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, QPoint(px(5.2), py(0.5)));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), 5);
    // The plot only asks; the compare view moves the marker.
    QCOMPARE(m_plot->currentFrame(), 0);
    // Past the last frame clamps.
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, QPoint(m_plot->axisRect()->right() - 1, py(0.5)));
    QCOMPARE(requested.last().at(0).toInt(), kFrames - 1);
}

void TestFrameCurvesPlot::emptyAndDark()
{
    QPalette dark(QColor(53, 53, 53));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    m_plot->setPalette(dark);
    m_plot->setCurrentFrame(3);
    QCOMPARE(m_plot->xAxis->tickLabelColor(), QColor(230, 230, 230));
    // Series colours stay apart from the dark background.
    QVERIFY(distance(m_plot->graph(0)->pen().color(), QColor(30, 30, 30)) > 200);
    QVERIFY(distance(m_plot->graph(1)->pen().color(), QColor(30, 30, 30)) > 200);
    render();
    saveScreenshot(*m_plot, QStringLiteral("frame_curves_dark"));

    m_plot->setCurves({});
    auto *empty = m_plot->findChild<QCPItemText *>("frameCurvesEmptyText");
    QVERIFY(empty && empty->visible());
    QVERIFY(!m_plot->legend->visible());
    QVERIFY(!m_plot->findChild<QCPItemStraightLine *>("frameCurvesMarker")->visible());
    QSignalSpy requested(m_plot, &FrameCurvesPlot::frameRequested);
    QTest::mouseClick(m_plot, Qt::LeftButton, {}, m_plot->rect().center());
    QCOMPARE(requested.count(), 0);
    render();
    saveScreenshot(*m_plot, QStringLiteral("frame_curves_empty"));
}

QTEST_MAIN(TestFrameCurvesPlot)
#include "tst_frame_curves_plot.moc"
