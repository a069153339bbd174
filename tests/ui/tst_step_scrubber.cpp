// The step-range scrubber: keyboard and mouse edits move one handle at a time and never make
// begin >= end, and inside the injection panel a drag reaches the document as one undo step.

#include "core/project/project_document.h"
#include "ui/injection/injection_panel.h"
#include "ui/injection/step_range_scrubber.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

using namespace mbq;

namespace {

using Handle = StepRangeScrubber::Handle;

// The x of step boundary `b`: the track spans the widget minus equal side margins, which the
// test reads off the widget by probing where clicks land instead of assuming pixel sizes.
struct Track
{
    qreal left = 0;
    qreal width = 0;
    int steps = 0;
    int x(int boundary) const { return int(std::lround(left + width * boundary / steps)); }
};

// Measured on a twin of `like` (same size, font and step count), so that the probing clicks
// reach no document.
Track measureTrack(const StepRangeScrubber &like)
{
    StepRangeScrubber scrubber;
    scrubber.setFont(like.font());
    scrubber.resize(like.size());
    scrubber.setSteps(like.steps());
    scrubber.show();
    if (!QTest::qWaitForWindowExposed(&scrubber))
        qFatal("the twin scrubber was never shown");
    // A click moves the nearer handle to the boundary under the mouse. With the range [0, N)
    // the begin handle leaves 0 where boundary 1's catchment starts (left + cell / 2), and the
    // end handle leaves N where boundary N-1's ends (left + width - cell / 2).
    const int y = scrubber.height() / 4;
    const int steps = scrubber.steps();
    int firstMoved = -1;
    for (int x = 0; x < scrubber.width() / 2 && firstMoved < 0; ++x) {
        scrubber.setRange(0, steps);
        QTest::mouseClick(&scrubber, Qt::LeftButton, {}, QPoint(x, y));
        if (scrubber.begin() == 1)
            firstMoved = x;
    }
    int lastMoved = -1;
    for (int x = scrubber.width() - 1; x > scrubber.width() / 2 && lastMoved < 0; --x) {
        scrubber.setRange(0, steps);
        QTest::mouseClick(&scrubber, Qt::LeftButton, {}, QPoint(x, y));
        if (scrubber.end() == steps - 1)
            lastMoved = x;
    }
    if (firstMoved < 0 || lastMoved < 0)
        qFatal("the scrubber's track could not be found");
    Track track;
    track.steps = steps;
    const qreal cell = (lastMoved - firstMoved) / qreal(steps - 1);
    track.left = firstMoved - cell / 2;
    track.width = cell * steps;
    return track;
}

} // namespace

class TestStepScrubber : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_scrubber.reset(new StepRangeScrubber);
        m_scrubber->resize(600, m_scrubber->sizeHint().height());
        m_scrubber->setSteps(50);
        m_scrubber->show();
        m_scrubber->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_scrubber.get()));
        m_scrubber->setFocus();
        QTRY_VERIFY(m_scrubber->hasFocus());
    }

    void setRangeClampsAndStaysSilent()
    {
        QSignalSpy edited(m_scrubber.get(), &StepRangeScrubber::rangeEdited);
        m_scrubber->setRange(10, 80);
        QCOMPARE(m_scrubber->begin(), 10);
        QCOMPARE(m_scrubber->end(), 50);
        m_scrubber->setRange(-4, 3);
        QCOMPARE(m_scrubber->begin(), 0);
        QCOMPARE(m_scrubber->end(), 3);
        m_scrubber->setSteps(2);
        QCOMPARE(m_scrubber->end(), 2);
        QCOMPARE(edited.count(), 0);
    }

    void keyboardMovesTheFocusedHandleByOneStep()
    {
        m_scrubber->setRange(10, 20);
        QSignalSpy edited(m_scrubber.get(), &StepRangeScrubber::rangeEdited);
        QCOMPARE(m_scrubber->focusedHandle(), Handle::Begin);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Right);
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(11, 20));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.last(), QVariantList({11, 20}));
        QTest::keyClick(m_scrubber.get(), Qt::Key_Left);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Left);
        QCOMPARE(m_scrubber->begin(), 9);

        // Tab moves to the end handle (focus stays in the widget), Shift+Tab back.
        QTest::keyClick(m_scrubber.get(), Qt::Key_Tab);
        QVERIFY(m_scrubber->hasFocus());
        QCOMPARE(m_scrubber->focusedHandle(), Handle::End);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Right);
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(9, 21));
        QTest::keyClick(m_scrubber.get(), Qt::Key_PageDown);
        QCOMPARE(m_scrubber->end(), 16);
        QTest::keyClick(m_scrubber.get(), Qt::Key_PageUp);
        QCOMPARE(m_scrubber->end(), 21);
        QTest::keyClick(m_scrubber.get(), Qt::Key_End);
        QCOMPARE(m_scrubber->end(), 50);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Backtab);
        QCOMPARE(m_scrubber->focusedHandle(), Handle::Begin);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Space);
        QCOMPARE(m_scrubber->focusedHandle(), Handle::End);
    }

    void keyboardNeverCrossesTheHandles()
    {
        m_scrubber->setRange(10, 20);
        QTest::keyClick(m_scrubber.get(), Qt::Key_End); // begin handle: stops before the end
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 20));
        QSignalSpy edited(m_scrubber.get(), &StepRangeScrubber::rangeEdited);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Right);
        QTest::keyClick(m_scrubber.get(), Qt::Key_PageUp);
        QCOMPARE(m_scrubber->begin(), 19);
        QCOMPARE(edited.count(), 0); // nothing moved, nothing reported

        m_scrubber->setFocusedHandle(Handle::End);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Home); // end handle: stops after the begin
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 20));
        QTest::keyClick(m_scrubber.get(), Qt::Key_PageUp);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Space);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Home);
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(0, 25));
    }

    void anEmptyRangeOpensOneStepOnTheFirstEdit()
    {
        m_scrubber->setRange(0, 0); // injection off, as a new project has it
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(0, 0));
        QTest::keyClick(m_scrubber.get(), Qt::Key_Right);
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(0, 1));
        m_scrubber->setRange(50, 50);
        m_scrubber->setFocusedHandle(Handle::End);
        QTest::keyClick(m_scrubber.get(), Qt::Key_Right);
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(49, 50));
    }

    void mouseDragsSnapToStepsAndStopShortOfTheOtherHandle()
    {
        const Track track = measureTrack(*m_scrubber);
        const int y = m_scrubber->height() / 4;
        m_scrubber->setRange(10, 20);
        QSignalSpy edited(m_scrubber.get(), &StepRangeScrubber::rangeEdited);

        // Grab the begin handle and drag it right, past the end handle and off the widget.
        QTest::mousePress(m_scrubber.get(), Qt::LeftButton, {}, QPoint(track.x(10), y));
        QCOMPARE(m_scrubber->focusedHandle(), Handle::Begin);
        QTest::mouseMove(m_scrubber.get(), QPoint(track.x(14) + 2, y));
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(14, 20));
        QTest::mouseMove(m_scrubber.get(), QPoint(track.x(35), y));
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 20));
        QTest::mouseMove(m_scrubber.get(), QPoint(m_scrubber->width() + 50, y));
        QTest::mouseRelease(m_scrubber.get(), Qt::LeftButton, {}, QPoint(track.x(50), y));
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 20));
        QCOMPARE(edited.first(), QVariantList({14, 20}));
        QCOMPARE(edited.last(), QVariantList({19, 20}));

        // The end handle cannot be dragged onto or before the begin handle either.
        QTest::mousePress(m_scrubber.get(), Qt::LeftButton, {}, QPoint(track.x(20) + 1, y));
        QCOMPARE(m_scrubber->focusedHandle(), Handle::End);
        QTest::mouseMove(m_scrubber.get(), QPoint(track.x(3), y));
        QTest::mouseRelease(m_scrubber.get(), Qt::LeftButton, {}, QPoint(track.x(3), y));
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 20));

        // A click on the track away from both handles brings the nearer one there.
        QTest::mouseClick(m_scrubber.get(), Qt::LeftButton, {}, QPoint(track.x(40), y));
        QCOMPARE(std::pair(m_scrubber->begin(), m_scrubber->end()), std::pair(19, 40));
    }

    void randomEditsKeepBeginBeforeEnd()
    {
        QRandomGenerator random(7);
        const Qt::Key keys[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_PageUp, Qt::Key_PageDown,
                                Qt::Key_Home, Qt::Key_End,   Qt::Key_Space};
        m_scrubber->setRange(5, 6);
        bool pressed = false;
        for (int i = 0; i < 2000; ++i) {
            const QPoint at(int(random.bounded(-20, m_scrubber->width() + 20)),
                            int(random.bounded(0, m_scrubber->height() / 2)));
            switch (random.bounded(4)) {
            case 0:
                QTest::keyClick(m_scrubber.get(), keys[random.bounded(int(std::size(keys)))]);
                break;
            case 1:
                if (pressed)
                    QTest::mouseRelease(m_scrubber.get(), Qt::LeftButton, {}, at);
                else
                    QTest::mousePress(m_scrubber.get(), Qt::LeftButton, {}, at);
                pressed = !pressed;
                break;
            default:
                QTest::mouseMove(m_scrubber.get(), at);
            }
            QVERIFY2(m_scrubber->begin() < m_scrubber->end(),
                     qPrintable(QString("step %1: [%2, %3)")
                                    .arg(i)
                                    .arg(m_scrubber->begin())
                                    .arg(m_scrubber->end())));
            QVERIFY(m_scrubber->end() <= 50);
        }
    }

    void hoverShowsTheStepsTimestep()
    {
        const Track track = measureTrack(*m_scrubber);
        std::vector<double> timesteps;
        for (int i = 0; i < 50; ++i)
            timesteps.push_back(1000.0 - 20 * i);
        m_scrubber->setSteps(50, timesteps);
        m_scrubber->setRange(0, 29);
        const QPoint over12((track.x(12) + track.x(13)) / 2, m_scrubber->height() / 4);
        QHelpEvent help(QEvent::ToolTip, over12, m_scrubber->mapToGlobal(over12));
        QApplication::sendEvent(m_scrubber.get(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QString("Step 12 (t = 760): injected"));
        const QPoint over40((track.x(40) + track.x(41)) / 2, m_scrubber->height() / 4);
        QHelpEvent help40(QEvent::ToolTip, over40, m_scrubber->mapToGlobal(over40));
        QApplication::sendEvent(m_scrubber.get(), &help40);
        QTRY_COMPARE(QToolTip::text(), QString("Step 40 (t = 200): not injected"));
        QToolTip::hideText();
    }

    void resumeMarker()
    {
        m_scrubber->setResumeStep(25);
        QCOMPARE(m_scrubber->resumeStep(), 25);
        QVERIFY(!m_scrubber->grab().isNull());
        m_scrubber->setResumeStep(-7);
        QCOMPARE(m_scrubber->resumeStep(), -1);
    }

    void sizeFollowsTheFont()
    {
        const QSize small = m_scrubber->minimumSizeHint();
        QFont font = m_scrubber->font();
        font.setPointSizeF(font.pointSizeF() * 2);
        m_scrubber->setFont(font);
        QVERIFY(m_scrubber->minimumSizeHint().height() > small.height() * 3 / 2);
        QVERIFY(m_scrubber->sizeHint().width() >= m_scrubber->minimumSizeHint().width());
    }

    void aDragInThePanelIsOneUndoStep()
    {
        ProjectDocument document;
        InjectionSchedule schedule;
        schedule.layers = {{"block.20", 1.0f, {}}};
        schedule.stepEnd = 29;
        QVERIFY(document.setSchedule(schedule).ok());
        InjectionPanel panel(&document);
        panel.resize(420, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *scrubber = panel.findChild<StepRangeScrubber *>("stepScrubber");
        QVERIFY(scrubber);
        QCOMPARE(scrubber->steps(), document.data().parameters.settings.steps);
        QCOMPARE(std::pair(scrubber->begin(), scrubber->end()), std::pair(0, 29));

        const Track track = measureTrack(*scrubber);
        const int undoSteps = document.undoStack()->count();
        const int y = scrubber->height() / 4;
        QTest::mousePress(scrubber, Qt::LeftButton, {}, QPoint(track.x(29), y));
        for (int b = 28; b >= 12; --b)
            QTest::mouseMove(scrubber, QPoint(track.x(b), y));
        QTest::mouseRelease(scrubber, Qt::LeftButton, {}, QPoint(track.x(12), y));
        const InjectionSchedule &s = document.data().parameters.schedule;
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(0, 12));
        QCOMPARE(document.undoStack()->count(), undoSteps + 1);
        document.undoStack()->undo();
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(0, 29));
        QCOMPARE(scrubber->end(), 29); // the view follows the document

        // The keyboard edits the document the same way.
        scrubber->setFocus();
        scrubber->setFocusedHandle(Handle::Begin);
        QTest::keyClick(scrubber, Qt::Key_Right);
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(1, 29));

        panel.setResumeStep(25);
        QCOMPARE(scrubber->resumeStep(), 25);
    }

    void eachDragIsItsOwnUndoStepNamedByItsRange()
    {
        ProjectDocument document;
        InjectionSchedule schedule;
        schedule.layers = {{"block.20", 1.0f, {}}};
        schedule.stepEnd = 29;
        QVERIFY(document.setSchedule(schedule).ok());
        InjectionPanel panel(&document);
        panel.resize(420, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *scrubber = panel.findChild<StepRangeScrubber *>("stepScrubber");
        QVERIFY(scrubber);
        const Track track = measureTrack(*scrubber);
        const int y = scrubber->height() / 4;
        const auto drag = [&](int from, int to) {
            QTest::mousePress(scrubber, Qt::LeftButton, {}, QPoint(track.x(from), y));
            for (int b = from; b != to;) {
                b += to > from ? 1 : -1;
                QTest::mouseMove(scrubber, QPoint(track.x(b), y));
            }
            QTest::mouseRelease(scrubber, Qt::LeftButton, {}, QPoint(track.x(to), y));
        };
        const int undoSteps = document.undoStack()->count();
        const InjectionSchedule &s = document.data().parameters.schedule;

        drag(0, 2); // the begin handle
        drag(29, 8); // then the end handle
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(2, 8));
        QCOMPARE(document.undoStack()->count(), undoSteps + 2);
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set steps 2–8"));

        document.undoStack()->undo();
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(2, 29));
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set steps 2–29"));
        QCOMPARE(document.undoStack()->redoText(), QStringLiteral("Set steps 2–8"));
        document.undoStack()->undo();
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(0, 29));

        // The same handle dragged twice is two steps too.
        drag(29, 20);
        drag(20, 10);
        QCOMPARE(document.undoStack()->count(), undoSteps + 2);
        document.undoStack()->undo();
        QCOMPARE(std::pair(s.stepBegin, s.stepEnd), std::pair(0, 20));
    }

private:
    std::unique_ptr<StepRangeScrubber> m_scrubber;
};

QTEST_MAIN(TestStepScrubber)
#include "tst_step_scrubber.moc"
